using MediatR;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Portfolio.Commands.RunPortfolioMonitor;

namespace RiskPlatform.Application.Portfolio.Telemetry;

/// <summary>Counts the monitor's runs (evaluated, skipped, failed) and the episodes they opened, once each, on the account's actor.</summary>
internal sealed class MonitorRunMetrics(IRiskMetrics metrics) : IPipelineBehavior<RunPortfolioMonitorCommand, PortfolioMonitorRun>
{
    public async Task<PortfolioMonitorRun> Handle(
        RunPortfolioMonitorCommand request, CancellationToken cancellationToken, RequestHandlerDelegate<PortfolioMonitorRun> next)
    {
        PortfolioMonitorRun run;
        try
        {
            run = await next();
        }
        catch
        {
            metrics.MonitorRan("failed", 0);
            throw;
        }

        metrics.MonitorRan(run.Evaluated ? "evaluated" : "skipped", run.Opened);
        return run;
    }
}
