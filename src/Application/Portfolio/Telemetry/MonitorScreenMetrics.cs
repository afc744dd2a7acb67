using MediatR;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Portfolio.Queries.ScreenPortfolioMonitor;

namespace RiskPlatform.Application.Portfolio.Telemetry;

/// <summary>
/// Counts the monitor's evaluations that its screen settled without a run, on the account's actor: <c>quiet</c> (evaluated,
/// nothing to store) or <c>skipped</c> (nothing to monitor). A screen that asks for a run is counted by the run
/// (<see cref="MonitorRunMetrics"/>), so every evaluation is counted once.
/// </summary>
internal sealed class MonitorScreenMetrics(IRiskMetrics metrics) : IPipelineBehavior<ScreenPortfolioMonitorQuery, PortfolioMonitorScreen>
{
    public async Task<PortfolioMonitorScreen> Handle(
        ScreenPortfolioMonitorQuery request, CancellationToken cancellationToken, RequestHandlerDelegate<PortfolioMonitorScreen> next)
    {
        var screen = await next();
        if (!screen.RunNeeded)
        {
            metrics.MonitorRan(screen.Reason == PortfolioMonitorScreen.QuietReason ? "quiet" : "skipped", 0);
        }

        return screen;
    }
}
