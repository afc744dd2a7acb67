using Microsoft.Extensions.Options;
using RiskPlatform.Domain.ApiKeys;
using RiskPlatform.Domain.Common;

namespace RiskPlatform.Infrastructure.Brokers.Alpaca;

/// <summary>
/// Picks the trading API a key talks to: the key's own base_url when it set one, otherwise the configured paper or live URL
/// according to the key's is_paper_trading. A stored base_url is checked against the allow-list and the key's mode again at
/// every use, so a row edited in the database can neither send credentials to another host nor let a paper key trade live.
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

        return BrokerEndpoints.IsAllowed(Broker.Alpaca, effectiveBaseUrl, isPaperTrading)
            ? new Uri(effectiveBaseUrl, UriKind.Absolute)
            : throw new ConflictException(
                "api_key.base_url_not_allowed",
                $"The API key's base_url is not an official Alpaca host for a {(isPaperTrading ? "paper" : "live")} key, so the key was not used; set a valid base_url or none.");
    }

    public Uri DataBase => options.Value.DataUrl;

    public static Uri Combine(Uri baseUri, string relative) =>
        new(baseUri.AbsoluteUri.TrimEnd('/') + "/" + relative.TrimStart('/'), UriKind.Absolute);
}
