using System.Collections.Frozen;
using System.Globalization;

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

    /// <summary>The paper/sandbox hosts of the brokers that have them: only a paper key may use them, and a paper key only them.</summary>
    private static readonly FrozenDictionary<Broker, FrozenSet<string>> PaperHosts = new Dictionary<Broker, FrozenSet<string>>
    {
        [Broker.Alpaca] = Set("paper-api.alpaca.markets"),
        [Broker.Coinbase] = Set("api-public.sandbox.exchange.coinbase.com"),
        [Broker.Binance] = Set("testnet.binance.vision"),
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

    /// <summary>
    /// True when <paramref name="baseUrl"/> is allowed (<see cref="IsAllowed(Broker, string?)"/>) and its host matches the key's
    /// mode: for a broker with a paper host, a paper key's URL is on it and a live key's is not, so <c>base_url</c> can never
    /// turn a paper key into a live one.
    /// </summary>
    public static bool IsAllowed(Broker broker, string? baseUrl, bool isPaperTrading) =>
        IsAllowed(broker, baseUrl) && MatchesMode(broker, new Uri(baseUrl!, UriKind.Absolute).IdnHost, isPaperTrading);

    /// <summary>The hosts a base URL for <paramref name="broker"/> may point at for a key in the given mode (lower case).</summary>
    public static IEnumerable<string> AllowedHosts(Broker broker, bool isPaperTrading) =>
        AllowedHosts(broker).Where(host => MatchesMode(broker, host, isPaperTrading)).Order(StringComparer.Ordinal);

    private static bool MatchesMode(Broker broker, string host, bool isPaperTrading) =>
        !PaperHosts.TryGetValue(broker, out var paperHosts) || paperHosts.Contains(host) == isPaperTrading;

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

    /// <summary>
    /// The one spelling of the URL a key calls: <paramref name="baseUrl"/>, or the broker default when it is empty, with scheme
    /// and host in lower case, the port only when it is not the default, and no trailing slash. Two spellings of the same
    /// address give the same text, so the credentials can be bound to it. Text that is no absolute URL is returned trimmed.
    /// </summary>
    public static string CanonicalBaseUrl(Broker broker, string? baseUrl, bool isPaperTrading)
    {
        var url = string.IsNullOrWhiteSpace(baseUrl) ? DefaultBaseUrl(broker, isPaperTrading) : baseUrl.Trim();
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return url;
        }

        var authority = uri.IsDefaultPort ? uri.IdnHost : $"{uri.IdnHost}:{uri.Port.ToString(CultureInfo.InvariantCulture)}";
        return $"{uri.Scheme.ToLowerInvariant()}://{authority.ToLowerInvariant()}{uri.AbsolutePath.TrimEnd('/')}";
    }

    private static FrozenSet<string> Set(params string[] hosts) => hosts.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
}
