using MediatR;
using Microsoft.Extensions.DependencyInjection;
using RiskPlatform.Application.Common.Behaviours;
using RiskPlatform.Application.Trading.Commands.PlaceOrder;
using RiskPlatform.Application.Trading.Telemetry;
using RiskPlatform.Application.UnitTests.Support;

namespace RiskPlatform.Application.UnitTests.Common.Behaviours;

/// <summary>tracing → logging → unhandled exception → validation → recent MFA → account actor → audit → unit of work, outermost first.</summary>
public sealed class PipelineOrderTests
{
    private static readonly RenameWidgetCommand ValidCommand = new("Blue widget", "owner@example.com");

    [Fact]
    public async Task AddApplication_WhenBehavioursAreResolved_ListsThemOutermostFirst()
    {
        await using var host = new PipelineHost();

        var behaviours = host.Resolve(sp => sp.GetServices<IPipelineBehavior<RenameWidgetCommand, string>>()
            .Select(b => b.GetType().GetGenericTypeDefinition())
            .ToList());

        Assert.Equal(
            [
                typeof(TracingBehaviour<,>),
                typeof(LoggingBehaviour<,>),
                typeof(UnhandledExceptionBehaviour<,>),
                typeof(ValidationBehaviour<,>),
                typeof(RecentMfaBehaviour<,>),
                typeof(AccountActorBehaviour<,>),
                typeof(AuditBehaviour<,>),
                typeof(UnitOfWorkBehaviour<,>),
            ],
            behaviours);
    }

    [Fact]
    public async Task AddApplication_ForPlaceOrder_PutsItsOutcomeMetricsBetweenTheActorAndAudit()
    {
        await using var host = new PipelineHost();

        var behaviours = host.Resolve(sp => sp.GetServices<IPipelineBehavior<PlaceOrderCommand, PlaceOrderResult>>()
            .Select(b => b.GetType())
            .Select(t => t.IsGenericType ? t.GetGenericTypeDefinition() : t)
            .ToList());

        // After the actor, so an order is counted once (on its actor, not again where it was sent); outside audit and the unit
        // of work, so it is counted after its transaction committed.
        Assert.Equal(
            [
                typeof(TracingBehaviour<,>),
                typeof(LoggingBehaviour<,>),
                typeof(UnhandledExceptionBehaviour<,>),
                typeof(ValidationBehaviour<,>),
                typeof(RecentMfaBehaviour<,>),
                typeof(AccountActorBehaviour<,>),
                typeof(OrderOutcomeMetrics),
                typeof(AuditBehaviour<,>),
                typeof(UnitOfWorkBehaviour<,>),
            ],
            behaviours);
    }

    [Fact]
    public async Task Send_WhenCommandSucceeds_RunsLoggingThenValidationThenAuditThenUnitOfWorkAroundTheHandler()
    {
        await using var host = new PipelineHost();

        var response = await host.SendAsync(ValidCommand, TestContext.Current.CancellationToken);

        Assert.Equal("renamed to Blue widget", response);
        Assert.Equal(
            [
                "scope-begin:LoggingBehaviour",              // logging opens its scope first
                "validator:RenameWidgetCommandValidator",    // validation runs before any transaction
                "validator:RenameWidgetContactValidator",
                "begin",                                     // audit opens the transaction
                "handler",
                "save",                                      // unit of work saves the handler's changes, inside the transaction
                "audit-row:Succeeded",                       // audit adds its row after the handler's save...
                "save",
                "commit",                                    // ...and commits both together
                "dispose-transaction",
                "log:LoggingBehaviour:Debug",                // logging reports last
                "scope-end:LoggingBehaviour",
            ],
            WithoutScopeValues(host.Journal.Entries));
    }

    [Fact]
    public async Task Send_WhenHandlerThrowsUnexpectedly_AuditRecordsBeforeTheUnhandledExceptionBehaviourLogsInsideTheLoggingScope()
    {
        await using var host = new PipelineHost();
        host.Script.Throws = new InvalidOperationException("boom");

        await Assert.ThrowsAsync<InvalidOperationException>(() => host.SendAsync(ValidCommand, TestContext.Current.CancellationToken));

        Assert.Equal(
            [
                "scope-begin:LoggingBehaviour",
                "validator:RenameWidgetCommandValidator",
                "validator:RenameWidgetContactValidator",
                "begin",
                "handler",                                   // the unit of work never saves: the handler threw
                "rollback",
                "discard",
                "begin",                                     // the failure row is written in a transaction of its own
                "audit-row:Failed",
                "save",
                "commit",
                "dispose-transaction",
                "dispose-transaction",
                "log:UnhandledExceptionBehaviour:Error",     // outside audit: logs after the row is written
                "log:LoggingBehaviour:Debug",                // logging reports the timing even of a failure
                "scope-end:LoggingBehaviour",                // outside everything: its scope closes last
            ],
            WithoutScopeValues(host.Journal.Entries));
    }

    [Fact]
    public async Task Send_WhenAValidatorCrashes_TheUnhandledExceptionBehaviourLogsIt()
    {
        // Only a behaviour outside validation can see a validator's own failure.
        await using var host = new PipelineHost();
        host.Script.ValidatorThrows = new InvalidOperationException("validator bug");

        await Assert.ThrowsAsync<InvalidOperationException>(() => host.SendAsync(ValidCommand, TestContext.Current.CancellationToken));

        Assert.Contains(host.Journal.Logs, log => log is { Category: "UnhandledExceptionBehaviour", Level: Microsoft.Extensions.Logging.LogLevel.Error });
        Assert.DoesNotContain("begin", host.Journal.Entries);
        Assert.DoesNotContain("handler", host.Journal.Entries);
    }

    private static List<string> WithoutScopeValues(IEnumerable<string> entries) =>
        entries.Where(e => !e.StartsWith("scope-value:", StringComparison.Ordinal)).ToList();
}
