using System.Globalization;
using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.Portfolio.State;
using RiskPlatform.Domain.RiskRules;
using RiskPlatform.Domain.RiskRules.Engine;
using RiskPlatform.Domain.Trading;

namespace RiskPlatform.Domain.Portfolio.Sizing;

/// <summary>
/// Position sizing (pure). The method gives a size in whole shares (rounded down), which is then capped, smallest cap wins, by:
/// the trading state (halted/reducing allow nothing new); every non-alert pre-trade rule through <see cref="RiskEngine.MaxQuantity"/>
/// for a limit order at the entry price (max_position_size, max_concentration, max_leverage, max_order_value, an already-breached
/// account rule, …), so sizing agrees with the order path; the remaining daily-loss budget of each non-alert max_daily_loss rule
/// ((limit − current loss) ÷ risk per share); and buying power ÷ entry. Ties name the earlier cap in that order.
/// <list type="bullet">
/// <item>fixed_fractional (default): equity × risk_percent ÷ |entry − stop|; risk_percent defaults to <see cref="DefaultRiskPercent"/> %.
/// Without a stop it falls back to percent_of_equity and says so (<see cref="PositionSizingWarnings.NoStopLoss"/>).</item>
/// <item>percent_of_equity: equity × p ÷ entry, where p is risk_percent when percent_of_equity was asked for explicitly with it,
/// else <see cref="DefaultPercentOfEquity"/> %.</item>
/// <item>volatility: fixed fractional with ATR × atr_multiplier (default <see cref="DefaultAtrMultiplier"/>) as the stop distance.</item>
/// <item>kelly: f = W − (1 − W) ÷ R, times <see cref="KellyFraction"/> (half-Kelly), capped at <see cref="KellyMaxFraction"/>; with a
/// stop f is the fraction of equity put at risk (equity × f ÷ |entry − stop|), without one the fraction of equity allocated
/// (equity × f ÷ entry).</item>
/// </list>
/// Malformed input throws <see cref="DomainException"/> with a <see cref="PortfolioErrors"/> code.
/// </summary>
public static class PositionSizer
{
    public const decimal DefaultRiskPercent = 1m;
    public const decimal DefaultPercentOfEquity = 10m;
    public const decimal DefaultAtrMultiplier = 2m;
    public const decimal KellyFraction = 0.5m;
    public const decimal KellyMaxFraction = 0.25m;

    public static PositionSizeResult Calculate(
        PositionSizeRequest request, PortfolioSnapshot snapshot, PortfolioState state, IReadOnlyList<RiskRule> rules)
    {
        var symbol = request.Symbol?.Trim().ToUpperInvariant() ?? string.Empty;
        if (symbol.Length == 0)
        {
            throw new DomainException(PortfolioErrors.SymbolRequired, "A symbol is required.");
        }

        var entry = request.EntryPrice;
        if (entry <= 0)
        {
            throw new DomainException(PortfolioErrors.EntryPriceNotPositive, "entry_price must be greater than zero.");
        }

        if (request.StopLoss is { } s && (s <= 0 || s == entry))
        {
            throw new DomainException(PortfolioErrors.StopLossInvalid, "stop_loss must be greater than zero and differ from entry_price.");
        }

        if (request.RiskPercent is { } rp && (rp <= 0 || rp > 100))
        {
            throw new DomainException(PortfolioErrors.RiskPercentInvalid, "risk_percent must be greater than 0 and at most 100.");
        }

        var side = request.StopLoss is { } stop && stop > entry ? OrderSide.Sell : OrderSide.Buy;
        var equity = snapshot.Equity;
        var warnings = new List<string>();
        var (method, riskPerShare, rawShares) = Size(request, equity, warnings);

        var shares = decimal.Floor(Math.Max(0m, rawShares));
        string? cappedBy = null;

        if (equity <= 0)
        {
            Cap(ref shares, ref cappedBy, 0m, PositionSizeCaps.EquityNotPositive);
        }

        switch (state.RefusalCode(reducesExposure: false, isMonitorOrder: false, snapshot.Now))
        {
            case PortfolioErrors.TradingHalted:
                Cap(ref shares, ref cappedBy, 0m, PositionSizeCaps.TradingHalted);
                break;
            case PortfolioErrors.TradingReducing:
                Cap(ref shares, ref cappedBy, 0m, PositionSizeCaps.TradingReducing);
                break;
        }

        if (equity > 0)
        {
            var max = RiskEngine.MaxQuantity(PricedAt(snapshot, symbol, entry, warnings), rules, symbol, side, null, OrderType.Limit, entry);
            if (max.MaxQuantity is { } ruleMax && max.BindingRule is { } binding)
            {
                Cap(ref shares, ref cappedBy, ruleMax, WireEnum.Name(binding.RuleType));
            }

            if (DailyLossBudgetShares(snapshot, rules, symbol, riskPerShare) is { } budgetShares)
            {
                Cap(ref shares, ref cappedBy, budgetShares, PositionSizeCaps.DailyLossBudget);
            }
        }

        Cap(ref shares, ref cappedBy, decimal.Floor(Math.Max(0m, snapshot.BuyingPower) / entry), PositionSizeCaps.BuyingPower);

        var maxLoss = shares * riskPerShare;
        return new PositionSizeResult(
            symbol,
            side,
            method,
            shares,
            shares * entry,
            maxLoss,
            riskPerShare,
            equity,
            equity > 0 ? RiskMath.PercentOf(maxLoss, equity) : 0m,
            cappedBy,
            warnings);
    }

    /// <summary>The method actually used, the risk per share and the uncapped (unrounded) size.</summary>
    private static (SizingMethod Method, decimal RiskPerShare, decimal Shares) Size(PositionSizeRequest request, decimal equity, List<string> warnings)
    {
        var entry = request.EntryPrice;
        decimal? stopDistance = request.StopLoss is { } stop ? Math.Abs(entry - stop) : null;
        var riskPercent = request.RiskPercent ?? DefaultRiskPercent;
        switch (request.Method ?? SizingMethod.FixedFractional)
        {
            case SizingMethod.FixedFractional when stopDistance is { } distance:
                return (SizingMethod.FixedFractional, distance, equity * riskPercent / 100m / distance);

            case SizingMethod.FixedFractional:
                warnings.Add(Warn(
                    PositionSizingWarnings.NoStopLoss,
                    $"no stop_loss given; sized with percent_of_equity at {RiskMath.Format(DefaultPercentOfEquity)}% of equity, and max_loss assumes the whole position is at risk"));
                return (SizingMethod.PercentOfEquity, entry, equity * DefaultPercentOfEquity / 100m / entry);

            case SizingMethod.PercentOfEquity:
                var percent = request.RiskPercent ?? DefaultPercentOfEquity;
                if (stopDistance is null)
                {
                    warnings.Add(Warn(PositionSizingWarnings.NoStopLoss, "no stop_loss given; max_loss assumes the whole position is at risk"));
                }

                return (SizingMethod.PercentOfEquity, stopDistance ?? entry, equity * percent / 100m / entry);

            case SizingMethod.Volatility:
                if (request.Atr is not > 0)
                {
                    throw new DomainException(PortfolioErrors.AtrRequired, "The volatility method needs atr greater than zero.");
                }

                var multiplier = request.AtrMultiplier ?? DefaultAtrMultiplier;
                if (multiplier <= 0)
                {
                    throw new DomainException(PortfolioErrors.AtrMultiplierInvalid, "atr_multiplier must be greater than zero.");
                }

                if (stopDistance is not null)
                {
                    warnings.Add(Warn(PositionSizingWarnings.StopLossIgnored, "the volatility method uses atr x atr_multiplier as the stop distance; stop_loss only sets the side"));
                }

                var atrDistance = request.Atr.Value * multiplier;
                return (SizingMethod.Volatility, atrDistance, equity * riskPercent / 100m / atrDistance);

            case SizingMethod.Kelly:
                return Kelly(request, equity, stopDistance, warnings);

            default:
                throw new DomainException(PortfolioErrors.SizingMethodUnknown, "Unknown sizing method.");
        }
    }

    private static (SizingMethod Method, decimal RiskPerShare, decimal Shares) Kelly(
        PositionSizeRequest request, decimal equity, decimal? stopDistance, List<string> warnings)
    {
        if (request.WinRate is not { } winRate || request.PayoffRatio is not { } payoff || winRate <= 0 || winRate > 100 || payoff <= 0)
        {
            throw new DomainException(PortfolioErrors.KellyInputsRequired, "The kelly method needs win_rate in (0, 1) and payoff_ratio greater than zero.");
        }

        if (winRate >= 1)
        {
            // 1 < win_rate <= 100 reads as a percentage; exactly 1 (always wins) is not a probability Kelly can use.
            winRate = winRate == 1 ? throw new DomainException(PortfolioErrors.KellyInputsRequired, "win_rate must be below 1.") : winRate / 100m;
        }

        var entry = request.EntryPrice;
        var full = winRate - ((1m - winRate) / payoff);
        var fraction = full * KellyFraction;
        if (fraction <= 0)
        {
            warnings.Add(Warn(PositionSizingWarnings.KellyNotPositive, $"kelly fraction {RiskMath.Format(full)} shows no edge; nothing recommended"));
            return (SizingMethod.Kelly, stopDistance ?? entry, 0m);
        }

        if (fraction > KellyMaxFraction)
        {
            warnings.Add(Warn(
                PositionSizingWarnings.KellyCapped,
                $"half-kelly fraction {RiskMath.Format(fraction)} capped at {RiskMath.Format(KellyMaxFraction)}"));
            fraction = KellyMaxFraction;
        }

        if (stopDistance is { } distance)
        {
            return (SizingMethod.Kelly, distance, equity * fraction / distance);
        }

        warnings.Add(Warn(
            PositionSizingWarnings.NoStopLoss,
            "no stop_loss given; the kelly fraction sizes the position value, and max_loss assumes the whole position is at risk"));
        return (SizingMethod.Kelly, entry, equity * fraction / entry);
    }

    /// <summary>Lowers <paramref name="shares"/> to <paramref name="cap"/> (whole shares) when it is smaller, naming the cap.</summary>
    private static void Cap(ref decimal shares, ref string? cappedBy, decimal cap, string name)
    {
        cap = decimal.Floor(Math.Max(0m, cap));
        if (cap < shares)
        {
            shares = cap;
            cappedBy = name;
        }
    }

    /// <summary>
    /// Shares the remaining daily-loss budget allows: the tightest non-alert max_daily_loss rule's (limit − current loss), in
    /// dollars via <see cref="RiskMath.DailyLoss"/>, divided by the risk per share. Null when no such rule applies.
    /// </summary>
    private static decimal? DailyLossBudgetShares(PortfolioSnapshot snapshot, IReadOnlyList<RiskRule> rules, string symbol, decimal riskPerShare)
    {
        decimal? budget = null;
        var loss = RiskMath.DailyLoss(snapshot.DayStartEquity, snapshot.Equity, ThresholdUnit.Dollars);
        foreach (var rule in rules)
        {
            if (!rule.IsActive || rule.RuleType != RiskRuleType.MaxDailyLoss || rule.Action == RiskAction.Alert || !rule.AppliesTo(null, symbol))
            {
                continue;
            }

            var limit = rule.ThresholdUnit == ThresholdUnit.Percent
                ? rule.ThresholdValue * snapshot.DayStartEquity / 100m
                : rule.ThresholdValue;
            var remaining = Math.Max(0m, limit - loss);
            budget = budget is { } b ? Math.Min(b, remaining) : remaining;
        }

        return budget is { } value && riskPerShare > 0 ? decimal.Floor(value / riskPerShare) : null;
    }

    /// <summary>
    /// The snapshot to size against: as given when it has a fresh, priced quote for the symbol; otherwise a copy quoting the symbol
    /// at the entry price now (with a warning), so the rule caps can still be computed.
    /// </summary>
    private static PortfolioSnapshot PricedAt(PortfolioSnapshot snapshot, string symbol, decimal entry, List<string> warnings)
    {
        if (snapshot.Quotes.TryGetValue(symbol, out var quote)
            && snapshot.Now - quote.Timestamp <= snapshot.MaxQuoteAge
            && (quote.Ask > 0 || quote.Bid > 0 || quote.Last > 0))
        {
            return snapshot;
        }

        warnings.Add(Warn(PositionSizingWarnings.QuoteUnavailable, $"no fresh quote for {symbol}; rule caps computed at the entry price"));
        var quotes = new Dictionary<string, QuoteSnapshot>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in snapshot.Quotes)
        {
            quotes[key] = value;
        }

        quotes[symbol] = new QuoteSnapshot(entry, entry, entry, snapshot.Now);
        return new PortfolioSnapshot
        {
            Equity = snapshot.Equity,
            Cash = snapshot.Cash,
            BuyingPower = snapshot.BuyingPower,
            DayStartEquity = snapshot.DayStartEquity,
            EquityHighWaterMark = snapshot.EquityHighWaterMark,
            Positions = snapshot.Positions,
            OpenOrders = snapshot.OpenOrders,
            Quotes = quotes,
            RecentOrderTimes = snapshot.RecentOrderTimes,
            Now = snapshot.Now,
            MaxQuoteAge = snapshot.MaxQuoteAge,
        };
    }

    private static string Warn(string code, string text) => string.Create(CultureInfo.InvariantCulture, $"{code}: {text}");
}
