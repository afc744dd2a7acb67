using RiskPlatform.Application.Common.Brokers;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.RiskRules.Common;
using RiskPlatform.Application.Trading.Specifications;
using RiskPlatform.Domain.MarketData;
using RiskPlatform.Domain.Portfolio.State;
using RiskPlatform.Domain.RiskRules;
using RiskPlatform.Domain.RiskRules.Engine;
using RiskPlatform.Domain.Trading.Orders;

namespace RiskPlatform.Application.Trading.Common;

/// <summary>
/// Builds the engine's <see cref="PortfolioSnapshot"/> for one order (or, with no symbol, for the whole account) from the broker
/// port and the order history (plus, for an external broker, our orders still awaiting its acknowledgement); <see cref="WithPortfolioState"/> swaps in the day-start equity and high-water mark of a
/// <see cref="PortfolioState"/>.
/// </summary>
internal static class PortfolioSnapshots
{
    /// <summary>The snapshot and the broker account it was built from.</summary>
    public static async Task<(PortfolioSnapshot Snapshot, BrokerAccount Account)> LoadAsync(
        IBrokerGateway broker,
        IReadRepository<Order> orders,
        Guid userId,
        string? symbol,
        IReadOnlyList<RiskRule> rules,
        DateTime now,
        TimeSpan maxQuoteAge,
        CancellationToken cancellationToken,
        IReadOnlyList<Order>? awaitingBroker = null,
        IRuleMarketData? marketData = null)
    {
        // One DbContext per request: the calls run one after another.
        var account = await broker.GetAccountAsync(userId, cancellationToken);
        var positions = await broker.GetPositionsAsync(userId, cancellationToken);
        var openOrders = await broker.GetOpenOrdersAsync(userId, cancellationToken);
        var quote = symbol is null ? null : await broker.GetQuoteAsync(userId, symbol, cancellationToken);

        var quotes = new Dictionary<string, QuoteSnapshot>(StringComparer.OrdinalIgnoreCase);
        if (quote is not null)
        {
            quotes[quote.Symbol] = new QuoteSnapshot(quote.Bid, quote.Ask, MarketQuote.MarkOf(quote.Bid, quote.Ask, quote.Last), quote.Timestamp);
        }

        // Only as far back as the longest active order_rate_limit window reaches.
        var window = rules.Where(r => r.IsActive && r.RuleType == RiskRuleType.OrderRateLimit && r.WindowSeconds is > 0)
            .Select(r => r.WindowSeconds!.Value)
            .DefaultIfEmpty(0)
            .Max();
        IReadOnlyList<DateTime> recent = window > 0
            ? await orders.ListAsync(new OrderSubmissionTimesSinceSpec(userId, now.AddSeconds(-window)), cancellationToken)
            : [];

        // max_correlation and sector_limit: the closes and sectors of the order's symbol and the held ones (nothing without such a rule).
        var ruleData = marketData is null
            ? RuleMarketData.Empty
            : await marketData.LoadAsync(rules, [.. positions.Select(p => p.Symbol).Append(symbol ?? string.Empty).Where(s => s.Length > 0).Distinct()], now, cancellationToken);

        var snapshot = new PortfolioSnapshot
        {
            Equity = account.Equity,
            Cash = account.Cash,
            BuyingPower = account.BuyingPower,
            DayStartEquity = account.DayStartEquity,
            EquityHighWaterMark = account.EquityHighWaterMark,
            Positions = [.. positions.Select(p => new PositionSnapshot(p.Symbol, p.Quantity, p.AverageEntryPrice, p.MarketPrice))],
            // Orders still awaiting the external broker's acknowledgement are not at the broker yet, but count all the same.
            OpenOrders =
            [
                .. openOrders.Select(o => new OpenOrderSnapshot(o.Symbol, o.Side, o.Quantity - o.FilledQuantity, o.LimitPrice)),
                .. (awaitingBroker ?? []).Select(o => new OpenOrderSnapshot(o.Symbol, o.Side, o.Quantity, o.LimitPrice)),
            ],
            Quotes = quotes,
            RecentOrderTimes = recent,
            Now = now,
            MaxQuoteAge = maxQuoteAge,
            MarketData = ruleData,
        };
        return (snapshot, account);
    }

    /// <summary>A copy of <paramref name="snapshot"/> whose day-start equity and high-water mark come from <paramref name="state"/>.</summary>
    public static PortfolioSnapshot WithPortfolioState(PortfolioSnapshot snapshot, PortfolioState state) => new()
    {
        Equity = snapshot.Equity,
        Cash = snapshot.Cash,
        BuyingPower = snapshot.BuyingPower,
        DayStartEquity = state.DayStartEquity,
        EquityHighWaterMark = state.HighWaterMark,
        Positions = snapshot.Positions,
        OpenOrders = snapshot.OpenOrders,
        Quotes = snapshot.Quotes,
        RecentOrderTimes = snapshot.RecentOrderTimes,
        Now = snapshot.Now,
        MaxQuoteAge = snapshot.MaxQuoteAge,
        MarketData = snapshot.MarketData,
    };
}
