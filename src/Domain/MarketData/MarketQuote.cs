using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.MarketData.Events;

namespace RiskPlatform.Domain.MarketData;

/// <summary>
/// The current quote for one symbol, set through the quotes API either as <c>{price}</c> (bid = ask = last = price) or as
/// <c>{bid, ask, last?}</c>. One row per symbol: <see cref="Symbol"/> is the natural key (upper-case, see <see cref="TradingSymbol"/>).
/// Prices are positive, have at most <see cref="MarketPrecision.MaxDecimals"/> decimal places, and bid ≤ ask. The last trade
/// price is not required to lie between bid and ask.
/// </summary>
public sealed class MarketQuote : AggregateRoot
{
    private MarketQuote()
    {
    }

    public string Symbol { get; private set; } = string.Empty;

    public decimal Bid { get; private set; }

    public decimal Ask { get; private set; }

    /// <summary>Last trade price; null when the quote was set from bid and ask only.</summary>
    public decimal? Last { get; private set; }

    /// <summary>When the quote was last set (UTC), as given by the caller.</summary>
    public DateTime UpdatedAt { get; private set; }

    /// <summary>(Bid + Ask) / 2, exact in decimal.</summary>
    public decimal Mid => (Bid + Ask) / 2m;

    /// <summary>The price used to value positions: <see cref="Last"/>, or <see cref="Mid"/> when there is no last price.</summary>
    public decimal MarkPrice => MarkOf(Bid, Ask, Last);

    /// <summary>The mark price rule for any quote's figures (an event's, a broker's): <paramref name="last"/>, else the mid.</summary>
    public static decimal MarkOf(decimal bid, decimal ask, decimal? last) => last ?? ((bid + ask) / 2m);

    /// <summary>A quote from a single price: bid = ask = last = <paramref name="price"/>.</summary>
    /// <exception cref="DomainException">Invalid symbol or price (see <see cref="MarketDataErrors"/>).</exception>
    public static MarketQuote FromPrice(string symbol, decimal price, DateTime now) =>
        FromBidAskLast(symbol, price, price, price, now);

    /// <summary>A quote from bid, ask and an optional last price.</summary>
    /// <exception cref="DomainException">Invalid symbol or prices (see <see cref="MarketDataErrors"/>).</exception>
    public static MarketQuote FromBidAskLast(string symbol, decimal bid, decimal ask, decimal? last, DateTime now)
    {
        var quote = new MarketQuote { Symbol = TradingSymbol.Normalize(symbol) };
        quote.Set(bid, ask, last, now);
        return quote;
    }

    /// <summary>Replaces the quote with a single price: bid = ask = last = <paramref name="price"/>.</summary>
    public void UpdatePrice(decimal price, DateTime now) => Set(price, price, price, now);

    /// <summary>Replaces the quote with bid, ask and an optional last price. On failure the quote is unchanged.</summary>
    public void Update(decimal bid, decimal ask, decimal? last, DateTime now) => Set(bid, ask, last, now);

    private void Set(decimal bid, decimal ask, decimal? last, DateTime now)
    {
        ValidatePrice(nameof(Bid), bid);
        ValidatePrice(nameof(Ask), ask);
        if (last is { } lastPrice)
        {
            ValidatePrice(nameof(Last), lastPrice);
        }

        if (bid > ask)
        {
            throw new DomainException(MarketDataErrors.CrossedQuote, $"Bid {bid} is above ask {ask} for {Symbol}.");
        }

        Bid = bid;
        Ask = ask;
        Last = last;
        UpdatedAt = now;
        Raise(new MarketQuoteUpdated(Symbol, bid, ask, last, now));
    }

    private static void ValidatePrice(string name, decimal value)
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
