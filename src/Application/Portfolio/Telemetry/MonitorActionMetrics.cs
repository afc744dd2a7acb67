using MediatR;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Portfolio.Commands.ExecuteMonitorAction;
using RiskPlatform.Domain.Portfolio.Monitoring;

namespace RiskPlatform.Application.Portfolio.Telemetry;

/// <summary>
/// Counts each attempt of a monitor action by how it ended: executed at the broker, skipped (nothing left to do), pending (left
/// for a later attempt, e.g. a liquidation still awaiting the broker), or failed (an attempt that threw, and the one that gave up).
/// </summary>
internal sealed class MonitorActionMetrics(IRiskMetrics metrics) : IPipelineBehavior<ExecuteMonitorActionCommand, MonitorActionStatus>
{
    public async Task<MonitorActionStatus> Handle(
        ExecuteMonitorActionCommand request, CancellationToken cancellationToken, RequestHandlerDelegate<MonitorActionStatus> next)
    {
        MonitorActionStatus status;
        try
        {
            status = await next();
        }
        catch
        {
            metrics.MonitorActionAttempted("failed");
            throw;
        }

        metrics.MonitorActionAttempted(status switch
        {
            MonitorActionStatus.Done => "executed",
            MonitorActionStatus.Skipped => "skipped",
            MonitorActionStatus.Pending => "pending",
            _ => "failed",
        });
        return status;
    }
}
