using RiskPlatform.Application.Common.Messaging;
using RiskPlatform.Application.MarketData.Commands.ImportPriceBars;

namespace RiskPlatform.Application.MarketData.Queries.GetBrokerDailyBars;

/// <summary>
/// The daily bars the stored history lacks for the symbols of one user bound to an external broker (those held, and those ordered in
/// the last <see cref="RecentOrderDays"/> days), fetched from that broker over the last <see cref="HistoryDays"/> calendar days up to
/// yesterday (New York): the whole window for a symbol with nothing stored, otherwise what lies before its first or after its
/// last stored bar. Empty for a paper user. A read: the broker is called outside any transaction; store the bars with
/// <c>ImportPriceBarsCommand</c>.
/// </summary>
public sealed record GetBrokerDailyBarsQuery(Guid UserId, int HistoryDays = GetBrokerDailyBarsQuery.DefaultHistoryDays, int RecentOrderDays = 30)
    : IQuery<BrokerDailyBars>
{
    public const int DefaultHistoryDays = 400;
}

/// <summary>The symbols looked at and the bars the broker gave for them (only valid bars, in date order per symbol).</summary>
public sealed record BrokerDailyBars(IReadOnlyList<string> Symbols, IReadOnlyList<PriceBarInput> Bars, int Skipped)
{
    public static BrokerDailyBars None { get; } = new([], [], 0);
}
