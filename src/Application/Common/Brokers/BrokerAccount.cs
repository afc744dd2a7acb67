namespace RiskPlatform.Application.Common.Brokers;

/// <summary>
/// A broker account's balances now. <see cref="DayStartEquity"/> is the equity at the start of the trading day (the base of
/// max_daily_loss); <see cref="EquityHighWaterMark"/> the highest equity the broker knows of (the base of max_drawdown; a broker
/// that does not track one reports max(day-start equity, equity)). <see cref="DayStartFromBroker"/> is true when the broker itself
/// keeps the day-start equity (Alpaca's <c>last_equity</c>): portfolio figures then take the day's P&amp;L from it rather than from
/// the portfolio state's own day roll.
/// </summary>
public sealed record BrokerAccount(
    string AccountId,
    decimal Equity,
    decimal Cash,
    decimal BuyingPower,
    decimal DayStartEquity,
    decimal EquityHighWaterMark,
    decimal UnrealizedPnl,
    decimal RealizedPnl,
    bool DayStartFromBroker = false);
