using RiskPlatform.Application.Backtesting.Common;
using RiskPlatform.Application.Common.Messaging;
using RiskPlatform.Application.Trading.Queries.TestRiskRules;

namespace RiskPlatform.Application.Backtesting.Queries.RunBacktest;

/// <summary>
/// Replays the orders over the stored daily bars within the request and answers the result (a small backtest; a large one, or
/// one sent with <c>Prefer: respond-async</c>, is submitted as a job instead). Writes nothing at all.
/// </summary>
public sealed record RunBacktestQuery(
    IReadOnlyList<BacktestOrderRequest>? Orders,
    decimal? StartingCash = null,
    DateOnly? From = null,
    DateOnly? To = null,
    IReadOnlyList<DraftRiskRule>? Rules = null) : IQuery<BacktestResultDto>, IBacktestRequest
{
    public static RunBacktestQuery Of(IBacktestRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new(request.Orders, request.StartingCash, request.From, request.To, request.Rules);
    }
}
