namespace RiskPlatform.Application.MarketData.Queries.GetPriceBars;

/// <summary>A symbol's bars over the range asked (or defaulted), oldest first; <see cref="Interval"/> is <c>day</c> or <c>minute</c>.</summary>
public sealed record PriceBarsDto(string Symbol, string Interval, DateOnly From, DateOnly To, IReadOnlyList<PriceBarDto> Bars);
