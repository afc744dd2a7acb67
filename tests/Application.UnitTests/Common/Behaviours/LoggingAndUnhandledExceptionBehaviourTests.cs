using Microsoft.Extensions.Logging;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.UnitTests.Support;
using RiskPlatform.Domain.Common;

namespace RiskPlatform.Application.UnitTests.Common.Behaviours;

public sealed class LoggingAndUnhandledExceptionBehaviourTests
{
    private static readonly GetWidgetQuery Query = new(Guid.Parse("0199a0e0-0000-7000-8000-0000000000bb"));

    [Theory]
    [InlineData(100, LogLevel.Debug)]
    [InlineData(500, LogLevel.Debug)]
    [InlineData(501, LogLevel.Warning)]
    [InlineData(2_000, LogLevel.Warning)]
    public async Task Send_WhenRequestTakesSomeTime_LogsAWarningOnlyAboveTheSlowThreshold(int milliseconds, LogLevel expected)
    {
        await using var host = new PipelineHost();
        host.Script.Takes = TimeSpan.FromMilliseconds(milliseconds);

        await host.SendAsync(Query, TestContext.Current.CancellationToken);

        var log = Assert.Single(host.Journal.Logs, l => l.Category == "LoggingBehaviour");
        Assert.Equal(expected, log.Level);
        Assert.Contains(nameof(GetWidgetQuery), log.Message, StringComparison.Ordinal);
        Assert.Contains(milliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture), log.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(400, LogLevel.Debug)]
    [InlineData(501, LogLevel.Warning)]
    [InlineData(3_000, LogLevel.Warning)]
    public async Task Send_WhenRequestFailsAfterSomeTime_StillLogsAWarningAboveTheSlowThreshold(int milliseconds, LogLevel expected)
    {
        await using var host = new PipelineHost();
        host.Script.Takes = TimeSpan.FromMilliseconds(milliseconds);
        host.Script.Throws = new ServiceUnavailableException("broker_unreachable", "Down.");

        await Assert.ThrowsAsync<ServiceUnavailableException>(() => host.SendAsync(Query, TestContext.Current.CancellationToken));

        var log = Assert.Single(host.Journal.Logs, l => l.Category == "LoggingBehaviour");
        Assert.Equal(expected, log.Level);
        Assert.Contains(milliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture), log.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_Always_OpensAScopeNamingTheRequestTheUserAndTheTrace()
    {
        await using var host = new PipelineHost();

        await host.SendAsync(Query, TestContext.Current.CancellationToken);

        Assert.Contains($"scope-value:LoggingBehaviour:RequestName={nameof(GetWidgetQuery)}", host.Journal.Entries);
        Assert.Contains($"scope-value:LoggingBehaviour:UserId={PipelineHost.SignedInUserId}", host.Journal.Entries);
        Assert.Contains($"scope-value:LoggingBehaviour:TraceId={PipelineHost.TraceId}", host.Journal.Entries);
    }

    [Theory]
    [InlineData("validation")]
    [InlineData("not-found")]
    [InlineData("unauthorized")]
    [InlineData("too-many-requests")]
    [InlineData("service-unavailable")]
    [InlineData("domain")]
    public async Task Send_WhenTheFailureIsAnExpectedOutcome_LogsNoError(string failure)
    {
        await using var host = new PipelineHost();
        host.Script.Throws = failure switch
        {
            "validation" => new ValidationException("id", "bad"),
            "not-found" => new NotFoundException("Widget", Query.Id),
            "unauthorized" => new UnauthorizedException("unauthenticated", "Sign in."),
            "too-many-requests" => new TooManyRequestsException("throttled", "Slow down.", TimeSpan.FromSeconds(5)),
            "service-unavailable" => new ServiceUnavailableException("broker_unreachable", "Down."),
            _ => new DomainException("rule_refused", "Refused."),
        };

        await Assert.ThrowsAnyAsync<Exception>(() => host.SendAsync(Query, TestContext.Current.CancellationToken));

        Assert.DoesNotContain(host.Journal.Logs, log => log.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task Send_WhenTheFailureIsUnexpected_LogsItAsAnErrorWithTheExceptionAndRethrows()
    {
        await using var host = new PipelineHost();
        var thrown = new InvalidOperationException("bug");
        host.Script.Throws = thrown;

        var caught = await Assert.ThrowsAsync<InvalidOperationException>(() => host.SendAsync(Query, TestContext.Current.CancellationToken));

        Assert.Same(thrown, caught);
        var log = Assert.Single(host.Journal.Logs, l => l.Level == LogLevel.Error);
        Assert.Equal("UnhandledExceptionBehaviour", log.Category);
        Assert.Same(thrown, log.Exception);
        Assert.Contains(nameof(GetWidgetQuery), log.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_WhenCancelledByTheCaller_LogsNoError()
    {
        await using var host = new PipelineHost();
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();
        host.Script.Throws = new OperationCanceledException(cancellation.Token);

        await Assert.ThrowsAsync<OperationCanceledException>(() => host.SendAsync(Query, cancellation.Token));

        Assert.DoesNotContain(host.Journal.Logs, log => log.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task Send_WhenCancelledWithoutTheCallerAskingForIt_LogsAnError()
    {
        // A timeout inside a dependency is a fault, not the client going away.
        await using var host = new PipelineHost();
        host.Script.Throws = new TaskCanceledException("HTTP call to the broker timed out");

        await Assert.ThrowsAsync<TaskCanceledException>(() => host.SendAsync(Query, TestContext.Current.CancellationToken));

        Assert.Contains(host.Journal.Logs, log => log is { Category: "UnhandledExceptionBehaviour", Level: LogLevel.Error });
    }
}
