namespace RiskPlatform.Application.MarketData.Common;

/// <summary>
/// Settings under <c>MarketData</c>: how long the minute bars rolled from quotes are kept, how often older ones are deleted, and
/// how many daily closes the read side keeps in memory (<see cref="IKeptDailyCloses"/>).
/// </summary>
public sealed class MarketDataOptions
{
    public const string SectionName = "MarketData";

    /// <summary>The longest retention accepted (a minute bar per symbol and minute grows fast).</summary>
    public const int MaxMinuteBarRetentionDays = 31;

    /// <summary>The smallest <see cref="KeptClosesLimit"/> accepted (a 200-position portfolio's year of closes is 50,000).</summary>
    public const int MinKeptClosesLimit = 10_000;

    /// <summary>Days of minute bars kept (1–31). Default 5: the trading week.</summary>
    public int MinuteBarRetentionDays { get; set; } = 5;

    /// <summary>How often each node deletes the minute bars older than the retention. Default one hour.</summary>
    public TimeSpan MinuteBarCompactionInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// The most daily closes kept in memory over all symbols (default 2,000,000: 5,000 symbols × about 400 trading days); past it
    /// the symbols used least recently are forgotten until a tenth is free. A close costs about 20 bytes (date and decimal), up to
    /// about 36 when the history rules also keep its return series: the default bounds the store at 40–72 MB. At least 10,000.
    /// </summary>
    public int KeptClosesLimit { get; set; } = 2_000_000;

    public bool IsValid =>
        MinuteBarRetentionDays is >= 1 and <= MaxMinuteBarRetentionDays && MinuteBarCompactionInterval > TimeSpan.Zero
        && KeptClosesLimit >= MinKeptClosesLimit;
}
