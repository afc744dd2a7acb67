namespace RiskPlatform.Application.MarketData.Common;

/// <summary>Settings under <c>MarketData</c>: how long the minute bars rolled from quotes are kept, and how often older ones are deleted.</summary>
public sealed class MarketDataOptions
{
    public const string SectionName = "MarketData";

    /// <summary>The longest retention accepted (a minute bar per symbol and minute grows fast).</summary>
    public const int MaxMinuteBarRetentionDays = 31;

    /// <summary>Days of minute bars kept (1–31). Default 5: the trading week.</summary>
    public int MinuteBarRetentionDays { get; set; } = 5;

    /// <summary>How often each node deletes the minute bars older than the retention. Default one hour.</summary>
    public TimeSpan MinuteBarCompactionInterval { get; set; } = TimeSpan.FromHours(1);

    public bool IsValid =>
        MinuteBarRetentionDays is >= 1 and <= MaxMinuteBarRetentionDays && MinuteBarCompactionInterval > TimeSpan.Zero;
}
