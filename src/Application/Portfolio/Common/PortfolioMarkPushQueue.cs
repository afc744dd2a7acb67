using Microsoft.Extensions.Logging;
using RiskPlatform.Application.Common.Brokers;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.Portfolio.Metrics;
using RiskPlatform.Domain.Portfolio.State;

namespace RiskPlatform.Application.Portfolio.Common;

/// <summary>
/// Records that the current command marked an account (a monitor run, a halt, a resume; an order's fill through the monitor run it
/// queues), as <see cref="IAfterCommitActions"/>: the owner's open clients get the mark only once the command commits, and only as
/// the state stands then (a halt after the mark is included). The request hands the push to the transport and returns; a failure
/// is logged and swallowed.
/// </summary>
public sealed partial class PortfolioMarkPushQueue(
    IAfterCommitActions afterCommit,
    IPortfolioMarkPusher pusher,
    ILogger<PortfolioMarkPushQueue> logger)
{
    /// <summary><paramref name="state"/> was marked with <paramref name="account"/> (whose cash the push carries).</summary>
    public void Marked(PortfolioState state, BrokerAccount account)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(account);
        var cash = account.Cash;
        afterCommit.Enqueue(ct => PushNowAsync(state, cash, ct));
    }

    /// <summary>
    /// Pushes <paramref name="state"/>'s mark at once, for a read that stored nothing (the monitor's quiet screen): there is no
    /// commit to wait for. A failure is logged and swallowed.
    /// </summary>
    public async Task PushNowAsync(PortfolioState state, decimal cash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        try
        {
            await pusher.PortfolioMarkedAsync(state.UserId, PortfolioMarkDto.From(PortfolioMetrics.MarkOf(state, cash)), cancellationToken);
        }
        catch (Exception exception)
        {
            LogPushFailed(logger, exception, state.UserId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not push the portfolio mark to user {UserId}")]
    private static partial void LogPushFailed(ILogger logger, Exception exception, Guid userId);
}
