using RiskPlatform.Domain.Common;

namespace RiskPlatform.Domain.MarketData.History;

/// <summary>
/// One symbol's bar of one minute, rolled from the quotes the service received in it: the first quote of the minute opens it,
/// later ones move high, low and close. Kept for a few days only (the compaction deletes older ones), keyed by
/// (<see cref="Symbol"/>, <see cref="Start"/>) like the daily bars, with no surrogate id. Quotes carry no volume, so neither does it.
/// </summary>
public sealed class MinuteBar : IAggregateRoot
{
    private MinuteBar()
    {
    }

    public string Symbol { get; private set; } = string.Empty;

    /// <summary>The minute's first instant, UTC (seconds and below are zero).</summary>
    public DateTime Start { get; private set; }

    public decimal Open { get; private set; }

    public decimal High { get; private set; }

    public decimal Low { get; private set; }

    public decimal Close { get; private set; }

    public IReadOnlyCollection<IDomainEvent> DomainEvents => [];

    /// <summary>The first quote of its minute opens the bar: open = high = low = close = <paramref name="price"/>.</summary>
    /// <exception cref="DomainException">A price that is not positive or too precise.</exception>
    public static MinuteBar FromQuote(string symbol, DateTime utcInstant, decimal price)
    {
        PriceBar.ValidatePrice("Price", price);
        return new MinuteBar { Symbol = TradingSymbol.Normalize(symbol), Start = MinuteOf(utcInstant), Open = price, High = price, Low = price, Close = price };
    }

    /// <summary>The start of the UTC minute that holds <paramref name="utcInstant"/>.</summary>
    public static DateTime MinuteOf(DateTime utcInstant) =>
        new(utcInstant.Ticks - (utcInstant.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Utc);

    /// <summary>A later quote of the same minute: raises the high, lowers the low, and becomes the close.</summary>
    public void Include(decimal price)
    {
        PriceBar.ValidatePrice("Price", price);
        High = Math.Max(High, price);
        Low = Math.Min(Low, price);
        Close = price;
    }

    public void ClearDomainEvents()
    {
    }
}
