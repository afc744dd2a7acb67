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
}
