using System.Collections.Frozen;

namespace RiskPlatform.Domain.ApiKeys;

/// <summary>
/// The official API hosts of each broker. A base URL is accepted only when it is an absolute https URL on the default
/// port, without user info, whose host is on its broker's list, so the service never calls an arbitrary host
/// (for example the cloud metadata endpoint http://169.254.169.254/).
/// </summary>
public static class BrokerEndpoints
{
    private static readonly FrozenDictionary<Broker, FrozenSet<string>> Hosts = new Dictionary<Broker, FrozenSet<string>>
    {
        [Broker.Alpaca] = Set("api.alpaca.markets", "paper-api.alpaca.markets", "data.alpaca.markets"),
        [Broker.InteractiveBrokers] = Set("api.ibkr.com"),
        [Broker.TdAmeritrade] = Set("api.tdameritrade.com", "api.schwabapi.com"),
        [Broker.Robinhood] = Set("api.robinhood.com", "trading.robinhood.com"),
        [Broker.Coinbase] = Set("api.coinbase.com", "api.exchange.coinbase.com", "api-public.sandbox.exchange.coinbase.com"),
        [Broker.Binance] = Set(
            "api.binance.com",
            "api1.binance.com",
            "api2.binance.com",
            "api3.binance.com",
            "api4.binance.com",
            "testnet.binance.vision"),
    }.ToFrozenDictionary();

    /// <summary>The hosts a base URL for <paramref name="broker"/> may point at (lower case).</summary>
    public static IReadOnlySet<string> AllowedHosts(Broker broker) =>
        Hosts.TryGetValue(broker, out var hosts) ? hosts : FrozenSet<string>.Empty;

    /// <summary>True when <paramref name="baseUrl"/> is https, on the default port, without user info, on an allowed host of <paramref name="broker"/>.</summary>
    public static bool IsAllowed(Broker broker, string? baseUrl)
    {
        if (string.IsNullOrWhiteSpace(baseUrl)
            || baseUrl.Length > CredentialLimits.BaseUrlMaxLength
            || !Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri))
        {
            return false;
        }

        return uri.Scheme == Uri.UriSchemeHttps
            && uri.IsDefaultPort
            && uri.UserInfo.Length == 0
            && uri.Query.Length == 0
            && uri.Fragment.Length == 0
            && AllowedHosts(broker).Contains(uri.IdnHost);
    }

    /// <summary>The base URL used when none is given: the paper/sandbox host when the broker has one and paper trading is on.</summary>
    public static string DefaultBaseUrl(Broker broker, bool isPaperTrading) => broker switch
    {
        Broker.Alpaca => isPaperTrading ? "https://paper-api.alpaca.markets" : "https://api.alpaca.markets",
        Broker.InteractiveBrokers => "https://api.ibkr.com",
        Broker.TdAmeritrade => "https://api.schwabapi.com",
        Broker.Robinhood => "https://trading.robinhood.com",
        Broker.Coinbase => isPaperTrading ? "https://api-public.sandbox.exchange.coinbase.com" : "https://api.coinbase.com",
        Broker.Binance => isPaperTrading ? "https://testnet.binance.vision" : "https://api.binance.com",
        _ => throw new ArgumentOutOfRangeException(nameof(broker), broker, "Unknown broker."),
    };

    private static FrozenSet<string> Set(params string[] hosts) => hosts.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
}
