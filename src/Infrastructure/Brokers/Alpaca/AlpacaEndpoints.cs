using Microsoft.Extensions.Options;
using RiskPlatform.Domain.ApiKeys;

namespace RiskPlatform.Infrastructure.Brokers.Alpaca;

/// <summary>
/// Picks the trading API a key talks to: the key's own base_url when it set one (already allow-listed by the vault),
/// otherwise the configured paper or live URL according to the key's is_paper_trading.
/// </summary>
internal sealed class AlpacaEndpoints(IOptions<AlpacaOptions> options)
{
    public Uri TradingBase(string effectiveBaseUrl, bool isPaperTrading)
    {
        // A key without base_url arrives with the broker default; only then does configuration decide.
        if (string.Equals(effectiveBaseUrl, BrokerEndpoints.DefaultBaseUrl(Broker.Alpaca, isPaperTrading), StringComparison.OrdinalIgnoreCase))
        {
            return isPaperTrading ? options.Value.PaperUrl : options.Value.LiveUrl;
        }

        return new Uri(effectiveBaseUrl, UriKind.Absolute);
    }

    public Uri DataBase => options.Value.DataUrl;

    public static Uri Combine(Uri baseUri, string relative) =>
        new(baseUri.AbsoluteUri.TrimEnd('/') + "/" + relative.TrimStart('/'), UriKind.Absolute);
}
