namespace RiskPlatform.Domain.ApiKeys;

/// <summary>
/// A supported broker. On the wire: alpaca, interactive_brokers, td_ameritrade, robinhood, coinbase, binance.
/// The numeric values are bound into credential ciphertexts (associated data): never renumber a member.
/// </summary>
public enum Broker
{
    Alpaca = 1,
    InteractiveBrokers = 2,
    TdAmeritrade = 3,
    Robinhood = 4,
    Coinbase = 5,
    Binance = 6,
}
