using MediatR;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.MarketData.Commands.ImportPriceBars;
using RiskPlatform.Application.MarketData.Common;
using RiskPlatform.Application.Trading.Specifications;
using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.MarketData;
using RiskPlatform.Domain.MarketData.History;
using RiskPlatform.Domain.Portfolio.Calendar;
using RiskPlatform.Domain.Trading.Orders;

namespace RiskPlatform.Application.MarketData.Queries.GetBrokerDailyBars;

internal sealed class GetBrokerDailyBarsQueryHandler(
    IBrokerGateway broker,
    IBrokerPriceHistory history,
    IPriceHistoryReader stored,
    IReadRepository<Order> orders,
    TimeProvider timeProvider) : IRequestHandler<GetBrokerDailyBarsQuery, BrokerDailyBars>
{
    /// <summary>A stored first bar this close to the window's start counts as the start (weekends and holidays have no bar).</summary>
    private const int StartSlackDays = 7;

    public async Task<BrokerDailyBars> Handle(GetBrokerDailyBarsQuery request, CancellationToken cancellationToken)
    {
        if (!await broker.IsExternalAsync(request.UserId, cancellationToken))
        {
            return BrokerDailyBars.None;
        }

        var now = timeProvider.GetUtcNow().UtcDateTime;
        var held = await broker.GetPositionsAsync(request.UserId, cancellationToken);
        var ordered = request.RecentOrderDays > 0
            ? await orders.ListAsync(new OrderSymbolsOfUserSinceSpec(request.UserId, now.AddDays(-request.RecentOrderDays)), cancellationToken)
            : [];
        var symbols = held.Where(p => p.Quantity != 0m).Select(p => p.Symbol).Concat(ordered)
            .Select(TradingSymbol.Normalize).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (symbols.Count == 0)
        {
            return BrokerDailyBars.None;
        }

        // Up to yesterday: today's bar is still moving, and the quotes the service receives keep it.
        var to = PriceBar.TradingDateOf(now).AddDays(-1);
        var from = to.AddDays(-request.HistoryDays + 1);
        var ranges = await stored.StoredRangesAsync(symbols, from, to, cancellationToken);

        // Symbols needing the same range are asked together.
        var wanted = new Dictionary<(DateOnly From, DateOnly To), List<string>>();
        foreach (var symbol in symbols)
        {
            foreach (var gap in Gaps(ranges.TryGetValue(symbol, out var range) ? range : null, from, to))
            {
                if (!wanted.TryGetValue(gap, out var list))
                {
                    wanted[gap] = list = [];
                }

                list.Add(symbol);
            }
        }

        var bars = new List<PriceBarInput>();
        var skipped = 0;
        foreach (var ((gapFrom, gapTo), gapSymbols) in wanted.OrderBy(w => w.Key.From).ThenBy(w => w.Key.To))
        {
            var received = await history.GetDailyBarsAsync(request.UserId, gapSymbols, gapFrom, gapTo, cancellationToken);
            if (received is null)
            {
                return BrokerDailyBars.None;
            }

            foreach (var bar in received)
            {
                if (IsStorable(bar) && bar.Date >= gapFrom && bar.Date <= gapTo && gapSymbols.Contains(bar.Symbol, StringComparer.Ordinal))
                {
                    bars.Add(bar);
                }
                else
                {
                    skipped++;
                }
            }
        }

        return new BrokerDailyBars(
            symbols,
            [.. bars.DistinctBy(b => (b.Symbol, b.Date)).OrderBy(b => b.Symbol, StringComparer.Ordinal).ThenBy(b => b.Date)],
            skipped);
    }

    private static IEnumerable<(DateOnly From, DateOnly To)> Gaps((DateOnly First, DateOnly Last)? stored, DateOnly from, DateOnly to)
    {
        if (stored is not { } range)
        {
            yield return (from, to);
            yield break;
        }

        if (range.First.DayNumber - from.DayNumber > StartSlackDays)
        {
            yield return (from, range.First.AddDays(-1));
        }

        // After the last stored bar: only when an NYSE trading day lies in between (not for a weekend or a holiday).
        for (var day = range.Last.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (NyseCalendar.IsTradingDay(day))
            {
                yield return (range.Last.AddDays(1), to);
                yield break;
            }
        }
    }

    /// <summary>A bar the import accepts (the broker's data is checked like an operator's file); anything else is skipped and counted.</summary>
    private static bool IsStorable(PriceBarInput bar)
    {
        if (!TradingInputIsValid(bar.Symbol) || !PriceBarInputRules.IsValidDate(bar.Date) || bar.Volume < 0m || !MarketPrecision.HasAllowedScale(bar.Volume))
        {
            return false;
        }

        if (!PriceBarInputRules.IsValidPrice(bar.Open) || !PriceBarInputRules.IsValidPrice(bar.High)
            || !PriceBarInputRules.IsValidPrice(bar.Low) || !PriceBarInputRules.IsValidPrice(bar.Close))
        {
            return false;
        }

        return bar.Low <= bar.Open && bar.Low <= bar.Close && bar.Low <= bar.High && bar.High >= bar.Open && bar.High >= bar.Close;
    }

    private static bool TradingInputIsValid(string symbol)
    {
        try
        {
            TradingSymbol.Normalize(symbol);
            return true;
        }
        catch (DomainException)
        {
            return false;
        }
    }
}
