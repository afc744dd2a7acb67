using RiskPlatform.Application.Common.Messaging;
using RiskPlatform.Domain.Trading;

namespace RiskPlatform.Application.Trading.Queries.TestRiskRules;

/// <summary>
/// Evaluates a hypothetical order against the caller's active rules, or against <see cref="Rule"/> alone when given, and records
/// nothing. Give <see cref="OrderQty"/> or <see cref="OrderValue"/> (converted to whole shares at the reference price, rounded down).
/// <see cref="Side"/> defaults to buy.
/// </summary>
public sealed record TestRiskRulesQuery(
    string? Symbol,
    decimal? OrderQty = null,
    decimal? OrderValue = null,
    Guid? StrategyId = null,
    OrderSide? Side = null,
    OrderType? Type = null,
    decimal? LimitPrice = null,
    DraftRiskRule? Rule = null) : IAccountQuery<RiskTestResultDto>;
