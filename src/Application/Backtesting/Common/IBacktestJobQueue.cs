namespace RiskPlatform.Application.Backtesting.Common;

/// <summary>Wakes this node's backtest worker when a job was queued (other nodes find it by polling).</summary>
public interface IBacktestJobQueue
{
    void Signal();
}
