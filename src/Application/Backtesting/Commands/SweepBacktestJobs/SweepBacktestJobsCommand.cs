using RiskPlatform.Application.Common.Messaging;

namespace RiskPlatform.Application.Backtesting.Commands.SweepBacktestJobs;

/// <summary>Deletes the backtest jobs (and their results) past their expiry; answers how many.</summary>
public sealed record SweepBacktestJobsCommand : ICommand<int>;
