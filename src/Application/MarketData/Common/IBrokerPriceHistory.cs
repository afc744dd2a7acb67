using RiskPlatform.Application.MarketData.Commands.ImportPriceBars;

namespace RiskPlatform.Application.MarketData.Common;

/// <summary>
/// Daily bars from the broker a user is bound to (Alpaca's historical bars API, <c>Brokers:Alpaca:DataUrl</c>), with that user's
/// key. Called outside any transaction.
/// </summary>
public interface IBrokerPriceHistory
{
    /// <summary>
    /// The bars of <paramref name="symbols"/> dated <paramref name="from"/> to <paramref name="to"/> (New York dates, both included);
    /// null when the user's broker has no history to give (the paper broker).
    /// </summary>
    Task<IReadOnlyList<PriceBarInput>?> GetDailyBarsAsync(
        Guid userId, IReadOnlyCollection<string> symbols, DateOnly from, DateOnly to, CancellationToken cancellationToken);
}
