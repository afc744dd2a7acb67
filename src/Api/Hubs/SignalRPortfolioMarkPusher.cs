using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Portfolio.Common;

namespace RiskPlatform.Api.Hubs;

/// <summary>
/// <see cref="IPortfolioMarkPusher"/> for SignalR: hands the mark to <see cref="RealtimePushQueue"/> and returns at once, so a
/// committed command never waits for the hub or its Redis backplane. <see cref="RealtimePushWorker"/> sends it.
/// </summary>
internal sealed class SignalRPortfolioMarkPusher(RealtimePushQueue queue) : IPortfolioMarkPusher
{
    public Task PortfolioMarkedAsync(Guid userId, PortfolioMarkDto mark, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(mark);
        queue.TryEnqueue(RealtimePush.PortfolioMarked(userId, mark));
        return Task.CompletedTask;
    }
}
