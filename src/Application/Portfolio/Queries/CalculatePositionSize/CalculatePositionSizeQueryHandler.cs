using System.Globalization;
using MediatR;
using Microsoft.Extensions.Options;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Portfolio.Common;
using RiskPlatform.Application.Portfolio.Specifications;
using RiskPlatform.Application.Trading.Common;
using RiskPlatform.Application.Trading.Specifications;
using RiskPlatform.Application.MarketData.Specifications;
using RiskPlatform.Domain.Analytics;
using RiskPlatform.Domain.MarketData;
using RiskPlatform.Domain.MarketData.History;
using RiskPlatform.Domain.Portfolio.Sizing;
using RiskPlatform.Domain.RiskRules;
using RiskPlatform.Domain.Trading.Orders;

namespace RiskPlatform.Application.Portfolio.Queries.CalculatePositionSize;

/// <summary>
/// Sizes against the broker snapshot, the user's active rules and trading state. A query: the state is read (a user without one
/// is sized against a fresh state from the current equity) and marked in memory only, never saved. The volatility method
/// without an atr takes the ATR of the symbol's stored daily bars when there are enough of them.
/// </summary>
internal sealed class CalculatePositionSizeQueryHandler(
    PreTradeContextLoader contexts,
    IReadRepository<PriceBar> bars,
    ICurrentUser currentUser,
    TimeProvider timeProvider) : IRequestHandler<CalculatePositionSizeQuery, PositionSizeDto>
{
    public async Task<PositionSizeDto> Handle(CalculatePositionSizeQuery request, CancellationToken cancellationToken)
    {
        var symbol = TradingSymbol.Normalize(request.Symbol);
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var historicalAtr = request.Method == SizingMethod.Volatility && request.Atr is null
            ? await HistoricalAtrAsync(symbol, now, cancellationToken)
            : null;
        var context = await contexts.LoadAsync(currentUser.RequireUserId(), symbol, now, cancellationToken);
        var result = PositionSizer.Calculate(
            new PositionSizeRequest(
                symbol,
                request.EntryPrice,
                request.StopLoss,
                request.Method,
                request.RiskPercent,
                request.Atr ?? historicalAtr,
                request.AtrMultiplier,
                request.WinRate,
                request.PayoffRatio),
            context.Snapshot,
            context.State,
            context.Rules);
        var dto = PositionSizeDto.From(result);
        return historicalAtr is { } atr
            ? dto with
            {
                Warnings = [.. dto.Warnings, string.Create(
                    CultureInfo.InvariantCulture,
                    $"{PositionSizingWarnings.AtrFromHistory}: no atr given; used {atr}, the {AverageTrueRange.DefaultPeriod}-day average true range of the stored daily bars")],
            }
            : dto;
    }

    private async Task<decimal?> HistoricalAtrAsync(string symbol, DateTime now, CancellationToken cancellationToken)
    {
        var to = PriceBar.TradingDateOf(now);
        var recent = await bars.ListAsync(new PriceBarDtosOfSymbolBetweenSpec(symbol, to.AddDays(-60), to, limit: 100), cancellationToken);
        return AverageTrueRange.Of([.. recent.Select(b => (b.High, b.Low, b.Close))]);
    }
}
