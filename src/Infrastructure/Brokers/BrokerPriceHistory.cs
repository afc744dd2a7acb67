using RiskPlatform.Application.MarketData.Commands.ImportPriceBars;
using RiskPlatform.Application.MarketData.Common;
using RiskPlatform.Infrastructure.Brokers.Alpaca;

namespace RiskPlatform.Infrastructure.Brokers;

/// <summary><see cref="IBrokerPriceHistory"/>: Alpaca's historical bars for a user bound to an Alpaca key; nothing for paper users.</summary>
internal sealed class BrokerPriceHistory(BrokerBindingResolver resolver, AlpacaBrokerGateway alpaca) : IBrokerPriceHistory
{
    public async Task<IReadOnlyList<PriceBarInput>?> GetDailyBarsAsync(
        Guid userId, IReadOnlyCollection<string> symbols, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        (await resolver.ResolveAsync(userId, cancellationToken)).IsPaper
            ? null
            : await alpaca.GetDailyBarsAsync(userId, symbols, from, to, cancellationToken);
}
