namespace RiskPlatform.Application.Common.Brokers;

/// <summary>A quote: bid, ask, last trade price (null when unknown) and when it was taken (UTC).</summary>
public sealed record BrokerQuote(string Symbol, decimal Bid, decimal Ask, decimal? Last, DateTime Timestamp);
