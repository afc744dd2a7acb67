namespace RiskPlatform.Application.MarketData.Common;

/// <summary>
/// The stored daily closes before today's New York date, kept in memory between requests by the read side (the same store as
/// the history rules' <see cref="RiskRules.Common.IRuleMarketData"/>, docs/decisions/028). Each call first reads the bar versions
/// of the symbols asked for (<see cref="IPriceBarVersions"/>, one small read): a symbol is read again when its version moved
/// (any process wrote its past bars), on a new trading date or a longer window, when <c>Risk:MarketDataCacheSeconds</c> pass,
/// or when the store was over <c>MarketData:KeptClosesLimit</c> and it was used least recently. Reads never go through the
/// caller's unit of work. Today's bar is not kept: quotes change it all day.
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
