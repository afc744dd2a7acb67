using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Portfolio.Commands.ExecuteMonitorAction;
using RiskPlatform.Application.Portfolio.Commands.RecordMonitorActionFailure;
using RiskPlatform.Application.Portfolio.Specifications;
using RiskPlatform.Domain.Portfolio.Monitoring;

namespace RiskPlatform.Application.Portfolio.Monitoring;

/// <summary>
/// The executor of the monitor's outbox: runs a user's pending <see cref="MonitorAction"/>s in order (cancellations before
/// liquidations), each as its own audited command in its own scope, after the decision that created them has committed. On a
/// failure the attempt is recorded (<see cref="RecordMonitorActionFailureCommand"/>) and the user's remaining actions wait, so a
/// liquidation never overtakes the cancellation before it; the retry comes after <see cref="MonitoringOptions.ActionRetryInterval"/>.
/// An action given up after <see cref="MonitoringOptions.MaxActionAttempts"/> is logged as an error and the next one runs. Each
/// command runs on the user's account actor, between the account's orders, never beside one.
/// </summary>
public sealed partial class MonitorActionRunner(
    IServiceScopeFactory scopes,
    IOptions<MonitoringOptions> options,
    TimeProvider timeProvider,
    ILogger<MonitorActionRunner> logger)
{
    /// <summary>Runs the user's due pending actions; returns how many were executed (done or skipped).</summary>
    public async Task<int> RunPendingAsync(Guid userId, CancellationToken cancellationToken)
    {
        List<MonitorAction> pending;
        await using (var scope = scopes.CreateAsyncScope())
        {
            pending = await scope.ServiceProvider.GetRequiredService<IReadRepository<MonitorAction>>()
                .ListAsync(new PendingMonitorActionsOfUserSpec(userId), cancellationToken);
        }

        var executed = 0;
        foreach (var action in pending)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!action.IsDue(timeProvider.GetUtcNow().UtcDateTime, options.Value.ActionRetryInterval))
            {
                break;
            }

            try
            {
                await using var scope = scopes.CreateAsyncScope();

                // A started execution finishes even during shutdown, so a broker call is never left half recorded.
                var status = await scope.ServiceProvider.GetRequiredService<IMediator>()
                    .Send(new ExecuteMonitorActionCommand(userId, action.Id), CancellationToken.None);
                if (status == MonitorActionStatus.Pending)
                {
                    // Its outcome is still awaited from the broker (another attempt's call): the user's later actions wait with it.
                    break;
                }

                executed++;
            }
#pragma warning disable CA1031 // Any failure of one action is recorded for a retry; the runner must go on serving other users.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogActionFailed(logger, action.Id, action.Kind, action.Symbol, exception);
                if (await RecordFailureAsync(userId, action.Id, exception) != MonitorActionStatus.Failed)
                {
                    break;
                }

                LogActionGivenUp(logger, action.Id, action.Kind, action.Symbol, userId);
            }
        }

        return executed;
    }

    private async Task<MonitorActionStatus?> RecordFailureAsync(Guid userId, Guid actionId, Exception exception)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<IMediator>()
                .Send(new RecordMonitorActionFailureCommand(userId, actionId, Describe(exception)), CancellationToken.None);
        }
#pragma warning disable CA1031 // The database may be down too: the action stays pending and is retried as it is.
        catch (Exception recordException)
#pragma warning restore CA1031
        {
            LogRecordFailed(logger, actionId, recordException);
            return null;
        }
    }

    private static string Describe(Exception exception) => exception switch
    {
        ServiceUnavailableException or Domain.Common.DomainException or NotFoundException => exception.Message,
        _ => $"{exception.GetType().Name}: {exception.Message}",
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Monitor action {ActionId} ({Kind} {Symbol}) failed; it will be retried")]
    private static partial void LogActionFailed(ILogger logger, Guid actionId, MonitorActionKind kind, string? symbol, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Monitor action {ActionId} ({Kind} {Symbol}) of user {UserId} was given up after repeated failures")]
    private static partial void LogActionGivenUp(ILogger logger, Guid actionId, MonitorActionKind kind, string? symbol, Guid userId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not record the failure of monitor action {ActionId}; it stays pending")]
    private static partial void LogRecordFailed(ILogger logger, Guid actionId, Exception exception);
}
