using RiskPlatform.Application.Common.Messaging;

namespace RiskPlatform.Application.MarketData.Commands.CompactMinuteBars;

/// <summary>
/// Internal (sent by each node every <see cref="Common.MarketDataOptions.MinuteBarCompactionInterval"/>): deletes every minute bar
/// older than <see cref="Common.MarketDataOptions.MinuteBarRetentionDays"/>; answers how many. The daily bars are not touched.
/// </summary>
public sealed record CompactMinuteBarsCommand : ICommand<int>;
