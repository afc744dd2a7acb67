using System.Text.Json;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RiskPlatform.Application.Common.Actors;
using RiskPlatform.Application.Portfolio.Monitoring;
using RiskPlatform.Application.Portfolio.Queries.ScreenPortfolioMonitor;

namespace RiskPlatform.Infrastructure.Actors;

/// <summary>
/// The actor of one trading account. Each command runs through the pipeline (audit, unit of work, handler) in a scope of its
/// own, one at a time: no two commands of one account ever interleave, on any node. The database stays the source of truth:
/// every command commits before the actor answers (on SQLite its caller then waits for the group sync that makes the commit
/// durable, while the actor takes its next command). Between commands the actor remembers what its calls loaded
/// (<see cref="AccountMemory"/>: the active rules, the paper account, a paper binding), drops what a command may have changed
/// when it ends, keeps instead what a command handed over once committed (<see cref="AccountChanges"/>), and loses it all with
/// the activation, which the next call simply reloads. Told of new quotes, it screens its account for the monitor on its own
/// (<see cref="QuoteScreening"/>, coalesced), so a quote reaches the monitor without a queue round trip.
/// </summary>
internal sealed partial class AccountGrain(
    IServiceScopeFactory scopes,
    QuoteScreening quoteScreening,
    IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> wireJson,
    ILogger<AccountGrain> logger) : Grain, IAccountGrain
{
    private readonly ScreenRequests _screens = new();
    private AccountMemory? _memory;

    private AccountMemory Memory => _memory ??= new AccountMemory(this.GetPrimaryKey());

    /// <remarks>
    /// The command runs on the thread pool, not on the activation's scheduler: its many database awaits then resume as any
    /// request's do, instead of each queueing a new turn of the activation behind all other work. The grain stays the one
    /// writer: it is not reentrant, so its next command waits until this one's task has completed. What the command may have
    /// changed is dropped from the memory when it has ended and before it is answered, so no call that starts after the answer
    /// trusts what was loaded before.
    /// </remarks>
    public Task<AccountCallResult> Execute(AccountCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var memory = Memory;
        return Task.Run(
            async () =>
            {
                try
                {
                    return await RunAsync(call, memory, read: false, cancellationToken);
                }
                finally
                {
                    memory.CommandEnded(AccountMemory.PartsLeftUnchangedBy(ActorPayload.CommandTypeOf(call)));
                }
            },
            CancellationToken.None);
    }

    public Task<AccountCallResult> Read(AccountCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var memory = Memory;
        return Task.Run(() => RunAsync(call, memory, read: true, cancellationToken), CancellationToken.None);
    }

    public Task Forget()
    {
        _memory?.Forget();
        return Task.CompletedTask;
    }

    public Task QuotesChanged(AccountQuotes quotes)
    {
        ArgumentNullException.ThrowIfNull(quotes);
        var memory = Memory;
        memory.QuotesChanged(quotes.ToMarks());
        quoteScreening.Request(memory.AccountUserId, _screens, token => ScreenAsync(memory, token));
        return Task.CompletedTask;
    }

    /// <summary>The monitor's screen as a read of this actor: in a scope of its own, with the account's memory, no wire.</summary>
    private async Task<PortfolioMonitorScreen> ScreenAsync(AccountMemory memory, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccountActorCall>().EnterRead(new AccountCallOrigin(null, null, null, null), memory);
        return await scope.ServiceProvider.GetRequiredService<IMediator>()
            .Send(new ScreenPortfolioMonitorQuery(memory.AccountUserId), cancellationToken);
    }

    private async Task<AccountCallResult> RunAsync(AccountCall call, AccountMemory memory, bool read, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var actorCall = scope.ServiceProvider.GetRequiredService<AccountActorCall>();
        var origin = new AccountCallOrigin(call.CallerUserId, call.IpAddress, call.UserAgent, call.TraceId);
        try
        {
            object request;
            if (read)
            {
                actorCall.EnterRead(origin, memory);
                request = ActorPayload.ReadQuery(call);
            }
            else
            {
                request = ActorPayload.ReadCommand(call);
                actorCall.EnterCommand(origin, memory, request.GetType());
            }

            var result = await ActorPayload.SendAsync(scope.ServiceProvider.GetRequiredService<IMediator>(), request, cancellationToken);
            return new AccountCallResult(new ActorResult(ActorPayload.ResponseTypeOf(request.GetType()), result), null, actorCall.DurabilityLeftToCaller);
        }
        catch (Exception exception)
        {
            var failure = ActorFailure.From(exception, WireJson);
            if (failure.Kind == ActorFailureKind.Unexpected)
            {
                LogUnexpected(exception, call.CommandType, memory.AccountUserId);
            }

            return new AccountCallResult(null, failure, actorCall.DurabilityLeftToCaller);
        }
    }

    private JsonSerializerOptions WireJson => wireJson.Value.SerializerOptions;

    [LoggerMessage(Level = LogLevel.Error, Message = "Account command {CommandType} failed on the actor of {AccountUserId}")]
    private partial void LogUnexpected(Exception exception, string commandType, Guid accountUserId);
}
