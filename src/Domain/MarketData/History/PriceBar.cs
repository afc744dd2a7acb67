using RiskPlatform.Domain.Common;

namespace RiskPlatform.Domain.MarketData.History;

/// <summary>
/// One symbol's daily bar: open, high, low, close and volume of one trading date. The natural key (<see cref="Symbol"/>,
/// <see cref="Date"/>) is the table's primary key, so 5,000 symbols × 10 years (≈ 12.6 million rows) stay one compact
/// table with no surrogate id. Bars come from an operator import (<see cref="Replace"/>: the last import wins, so re-imports
/// are idempotent) and from quotes rolled into the day's bar (<see cref="Include"/>).
/// </summary>
public sealed class PriceBar : IAggregateRoot
{
    private static readonly Lazy<TimeZoneInfo> NewYork = new(() => TimeZoneInfo.FindSystemTimeZoneById("America/New_York"));

    private PriceBar()
    {
    }

    public string Symbol { get; private set; } = string.Empty;

    /// <summary>The trading date (the exchange's calendar date, see <see cref="TradingDateOf"/>).</summary>
    public DateOnly Date { get; private set; }

    public decimal Open { get; private set; }

    public decimal High { get; private set; }

    public decimal Low { get; private set; }

    public decimal Close { get; private set; }

    /// <summary>Traded volume; 0 for a bar built from quotes alone (quotes carry no volume).</summary>
    public decimal Volume { get; private set; }

    public IReadOnlyCollection<IDomainEvent> DomainEvents => [];

    /// <summary>A bar with every field given (an import, a broker's history).</summary>
    /// <exception cref="DomainException">Invalid symbol, prices or volume (see <see cref="MarketDataErrors"/>).</exception>
    public static PriceBar Create(string symbol, DateOnly date, decimal open, decimal high, decimal low, decimal close, decimal volume)
    {
        var bar = new PriceBar { Symbol = TradingSymbol.Normalize(symbol), Date = date };
        bar.Replace(open, high, low, close, volume);
        return bar;
    }

    /// <summary>The first quote of a date opens its bar: open = high = low = close = <paramref name="price"/>, volume 0.</summary>
    public static PriceBar FromQuote(string symbol, DateOnly date, decimal price) => Create(symbol, date, price, price, price, price, 0m);

    /// <summary>The date of <paramref name="utcInstant"/> in New York, where the US equity sessions' daily bars are dated.</summary>
    public static DateOnly TradingDateOf(DateTime utcInstant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utcInstant, DateTimeKind.Utc), NewYork.Value));

    /// <summary>The UTC instant at which New York's calendar date <paramref name="date"/> begins.</summary>
    public static DateTime StartOfTradingDateUtc(DateOnly date) =>
        TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), NewYork.Value);

    /// <summary>Replaces every field (a re-import of the same row changes nothing). On failure the bar is unchanged.</summary>
    public void Replace(decimal open, decimal high, decimal low, decimal close, decimal volume)
    {
        ValidatePrice(nameof(Open), open);
        ValidatePrice(nameof(High), high);
        ValidatePrice(nameof(Low), low);
        ValidatePrice(nameof(Close), close);
        if (low > high || open > high || close > high || open < low || close < low)
        {
            throw new DomainException(
                MarketDataErrors.InconsistentBar,
                $"The bar of {Symbol} on {Date:yyyy-MM-dd} is inconsistent: low {low} ≤ open {open}, close {close} ≤ high {high} must hold.");
        }

        if (volume < 0m || !MarketPrecision.HasAllowedScale(volume))
        {
            throw new DomainException(
                MarketDataErrors.InvalidVolume,
                $"Volume must be 0 or more with at most {MarketPrecision.MaxDecimals} decimal places, got {volume}.");
        }

        (Open, High, Low, Close, Volume) = (open, high, low, close, volume);
    }

    /// <summary>A later quote of the same date: raises the high, lowers the low, and becomes the close.</summary>
    public void Include(decimal price)
    {
        ValidatePrice("Price", price);
        High = Math.Max(High, price);
        Low = Math.Min(Low, price);
        Close = price;
    }

    public void ClearDomainEvents()
    {
    }

    internal static void ValidatePrice(string name, decimal value)
    {
        if (value <= 0m)
        {
            throw new DomainException(MarketDataErrors.NonPositivePrice, $"{name} must be positive, got {value}.");
        }

        if (!MarketPrecision.HasAllowedScale(value))
        {
            throw new DomainException(
                MarketDataErrors.PriceTooPrecise,
                $"{name} {value} has more than {MarketPrecision.MaxDecimals} decimal places.");
        }
    }
}
