using System.Text.Json;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RiskPlatform.Application.Common.Actors;

namespace RiskPlatform.Infrastructure.Actors;

/// <summary>
/// The actor of one trading account. Each call runs its command through the pipeline (audit, unit of work, handler) in a scope
/// of its own, one call at a time: no two commands of one account ever interleave, on any node. The database stays the
/// source of truth: every command commits before the actor answers, and an activation holds nothing the database lacks,
/// so a deactivated or lost activation is simply started again elsewhere.
/// </summary>
internal sealed partial class AccountGrain(
    IServiceScopeFactory scopes,
    IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> wireJson,
    ILogger<AccountGrain> logger) : Grain, IAccountGrain
{
    /// <remarks>
    /// The command runs on the thread pool, not on the activation's scheduler: its many database awaits then resume as any
    /// request's do, instead of each queueing a new turn of the activation behind all other work. The grain stays the one
    /// writer: it is not reentrant, so its next call waits until this one's task has completed.
    /// </remarks>
    public Task<AccountCallResult> Execute(AccountCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var accountUserId = this.GetPrimaryKey();
        return Task.Run(() => ExecuteAsync(call, accountUserId, cancellationToken), CancellationToken.None);
    }

    private async Task<AccountCallResult> ExecuteAsync(AccountCall call, Guid accountUserId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccountActorCall>()
            .Enter(new AccountCallOrigin(call.CallerUserId, call.IpAddress, call.UserAgent, call.TraceId));
        try
        {
            var command = ActorPayload.ReadCommand(call);
            var result = await ActorPayload.SendAsync(scope.ServiceProvider.GetRequiredService<IMediator>(), command, cancellationToken);
            return new AccountCallResult(ActorPayload.Write(result), null);
        }
        catch (Exception exception)
        {
            var failure = ActorFailure.From(exception, WireJson);
            if (failure.Kind == ActorFailureKind.Unexpected)
            {
                LogUnexpected(exception, call.CommandType, accountUserId);
            }

            return new AccountCallResult(null, failure);
        }
    }

    private JsonSerializerOptions WireJson => wireJson.Value.SerializerOptions;

    [LoggerMessage(Level = LogLevel.Error, Message = "Account command {CommandType} failed on the actor of {AccountUserId}")]
    private partial void LogUnexpected(Exception exception, string commandType, Guid accountUserId);
}
