using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Portfolio.Common;

namespace RiskPlatform.Infrastructure.Notifications;

/// <summary>The default <see cref="IPortfolioMarkPusher"/> until a real-time transport (SignalR) is registered: pushes nothing.</summary>
internal sealed class NullPortfolioMarkPusher : IPortfolioMarkPusher
{
    public Task PortfolioMarkedAsync(Guid userId, PortfolioMarkDto mark, CancellationToken ct) => Task.CompletedTask;
}
