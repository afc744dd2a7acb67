namespace RiskPlatform.Application.MarketData.Common;

/// <summary>
/// The stored daily closes before today's New York date, kept in memory between requests by the read side (the same store as
/// the history rules' <see cref="RiskRules.Common.IRuleMarketData"/>, docs/decisions/028): each symbol is read once per
/// trading date and window, and forgotten when this node writes a past bar of it (<see cref="RiskRules.Common.IRuleMarketData.Invalidate"/>),
/// when <c>Risk:MarketDataCacheSeconds</c> pass, or when the store is over <c>MarketData:KeptClosesLimit</c> and it was used
/// least recently. Reads never go through the caller's unit of work. Today's bar is not kept: quotes change it all day.
/// </summary>
public interface IKeptDailyCloses
{
    /// <summary>
    /// The closes of each symbol dated from <paramref name="from"/> to the day before <paramref name="now"/>'s New York trading
    /// date, ascending; a symbol with none is left out. Symbols are upper-case.
    /// </summary>
    Task<IReadOnlyDictionary<string, StoredCloses>> BeforeTodayAsync(
        IReadOnlyCollection<string> symbols, DateOnly from, DateTime now, CancellationToken cancellationToken);
}
