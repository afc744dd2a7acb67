using MediatR;
using Microsoft.Extensions.Options;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Portfolio.Common;
using RiskPlatform.Application.Portfolio.Specifications;
using RiskPlatform.Application.Trading.Common;
using RiskPlatform.Application.Trading.Specifications;
using RiskPlatform.Domain.MarketData;
using RiskPlatform.Domain.Portfolio;
using RiskPlatform.Domain.RiskRules;
using RiskPlatform.Domain.Trading.Orders;

namespace RiskPlatform.Application.Portfolio.Queries.CalculatePositionSize;

/// <summary>
/// Sizes against the broker snapshot, the user's active rules and trading state. A query: the state is read (a user without one
/// is sized against a fresh state from the current equity) and marked in memory only, never saved.
/// </summary>
internal sealed class CalculatePositionSizeQueryHandler(
    PreTradeContextLoader contexts,
    ICurrentUser currentUser,
    TimeProvider timeProvider) : IRequestHandler<CalculatePositionSizeQuery, PositionSizeDto>
{
    public async Task<PositionSizeDto> Handle(CalculatePositionSizeQuery request, CancellationToken cancellationToken)
    {
        var symbol = TradingSymbol.Normalize(request.Symbol);
        var context = await contexts.LoadAsync(currentUser.RequireUserId(), symbol, timeProvider.GetUtcNow().UtcDateTime, cancellationToken);
        var result = PositionSizer.Calculate(
            new PositionSizeRequest(
                symbol,
                request.EntryPrice,
                request.StopLoss,
                request.Method,
                request.RiskPercent,
                request.Atr,
                request.AtrMultiplier,
                request.WinRate,
                request.PayoffRatio),
            context.Snapshot,
            context.State,
            context.Rules);
        return PositionSizeDto.From(result);
    }
}
