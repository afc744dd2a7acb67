namespace RiskPlatform.Application.Trading.Common;

/// <summary>Settings of the pre-trade risk check (configuration section <c>Risk</c>).</summary>
public sealed class RiskCheckOptions
{
    public const string SectionName = "Risk";

    /// <summary>
    /// A quote older than this many seconds is stale and fails the order closed (<c>Risk:MaxQuoteAgeSeconds</c>, default 300:
    /// quotes here are set by hand or by a feed through the quotes API, and five minutes tolerates a slow feed without letting a
    /// forgotten price from yesterday value an order).
    /// </summary>
    public int MaxQuoteAgeSeconds { get; set; } = 300;

    public TimeSpan MaxQuoteAge => TimeSpan.FromSeconds(MaxQuoteAgeSeconds);

    /// <summary>
    /// How long an order may await an external broker's acknowledgement before "the broker has no order with this client order
    /// id" means it never arrived and it ends rejected (<c>Risk:BrokerAcknowledgementSeconds</c>, default 120: longer than one
    /// submission with its retries can take, so an answer still on its way is never mistaken for a lost order).
    /// </summary>
    public int BrokerAcknowledgementSeconds { get; set; } = 120;

    public TimeSpan BrokerAcknowledgement => TimeSpan.FromSeconds(BrokerAcknowledgementSeconds);

    /// <summary>
    /// The most risk rules one user may hold (<c>Risk:MaxRulesPerUser</c>, default 100, 1–10,000): every order and every
    /// monitor pass evaluates all of a user's rules, so their number bounds that work.
    /// </summary>
    public int MaxRulesPerUser { get; set; } = 100;

    /// <summary>
    /// How long the daily closes and sectors kept for max_correlation, sector_limit and the portfolio analytics stay in memory
    /// before they are read again (<c>Risk:MarketDataCacheSeconds</c>, default 300). Closes are read again as soon as their
    /// symbol's bar version moves, whichever process wrote the bars (docs/decisions/028, second addendum), so for them the period
    /// only bounds a change made behind the service's back (SQL by hand). For sectors it bounds how long another node's change
    /// goes unseen; this node forgets a sector it changes at once. A new New York trading date always reads again.
    /// </summary>
    public int MarketDataCacheSeconds { get; set; } = 300;

    public TimeSpan MarketDataCache => TimeSpan.FromSeconds(MarketDataCacheSeconds);
}
