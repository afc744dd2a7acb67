using RiskPlatform.Application.Common.Messaging;

namespace RiskPlatform.Application.Backtesting.Commands.ClaimBacktestJob;

/// <summary>
/// A worker takes the oldest queued backtest job (running from now). Null when none is queued. Two workers racing for one job:
/// the job's concurrency stamp lets one commit; the other gets a conflict and looks again.
/// </summary>
public sealed record ClaimBacktestJobCommand : ICommand<BacktestJobClaim?>;

/// <summary>A claimed job: its id, its owner and its stored plan (JSON).</summary>
public sealed record BacktestJobClaim(Guid JobId, Guid UserId, string Plan);
