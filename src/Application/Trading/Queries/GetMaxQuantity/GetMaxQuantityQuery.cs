using RiskPlatform.Application.Common.Messaging;

namespace RiskPlatform.Application.Trading.Queries.GetMaxQuantity;

/// <summary>The largest quantity every rule allows now for a symbol and side (wire value <c>buy</c>/<c>sell</c>, default buy).</summary>
public sealed record GetMaxQuantityQuery(string? Symbol, string? Side = null, Guid? StrategyId = null) : IAccountQuery<MaxQuantityDto>;
