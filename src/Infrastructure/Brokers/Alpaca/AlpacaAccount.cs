namespace RiskPlatform.Infrastructure.Brokers.Alpaca;

/// <summary>The fields of Alpaca's account object the gateway uses (all money as invariant decimals).</summary>
internal sealed record AlpacaAccount(
    string AccountId,
    string Status,
    decimal Equity,
    decimal LastEquity,
    decimal Cash,
    decimal BuyingPower,
    bool TradingBlocked,
    bool AccountBlocked);
