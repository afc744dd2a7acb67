using RiskPlatform.Application.Common.Messaging;

namespace RiskPlatform.Application.MarketData.Queries.GetPriceBars;

/// <summary>
/// A symbol's stored daily bars from <see cref="From"/> to <see cref="To"/> (both included; default: the year up to today),
/// at most <see cref="GetPriceBarsQueryValidator.MaxDays"/> days apart.
/// </summary>
public sealed record GetPriceBarsQuery(string Symbol, DateOnly? From = null, DateOnly? To = null) : IQuery<PriceBarsDto>;
