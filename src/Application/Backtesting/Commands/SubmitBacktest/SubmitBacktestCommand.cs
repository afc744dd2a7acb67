using RiskPlatform.Application.Backtesting.Common;
using RiskPlatform.Application.Common.Messaging;
using RiskPlatform.Application.Trading.Queries.TestRiskRules;

namespace RiskPlatform.Application.Backtesting.Commands.SubmitBacktest;

/// <summary>
/// Plans a backtest (validated, rules resolved, history checked) and queues it as a job for a worker; answers the job to poll.
/// Nothing of the account is written: only the job, which holds the plan and, later, the result.
/// </summary>
public sealed record SubmitBacktestCommand(
    IReadOnlyList<BacktestOrderRequest>? Orders,
    decimal? StartingCash = null,
    DateOnly? From = null,
    DateOnly? To = null,
    IReadOnlyList<DraftRiskRule>? Rules = null) : ICommand<BacktestJobDto>, IBacktestRequest
{
    public static SubmitBacktestCommand Of(IBacktestRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new(request.Orders, request.StartingCash, request.From, request.To, request.Rules);
    }
}
