using RiskPlatform.Application.Backtesting.Common;
using RiskPlatform.Application.Common.Messaging;

namespace RiskPlatform.Application.Backtesting.Queries.GetBacktestJob;

/// <summary>One of the caller's backtest jobs, with its result once it succeeded; 404 when unknown, expired or another user's.</summary>
public sealed record GetBacktestJobQuery(Guid Id) : IQuery<BacktestJobDto>;
