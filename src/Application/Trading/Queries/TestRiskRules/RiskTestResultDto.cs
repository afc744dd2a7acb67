using RiskPlatform.Domain.RiskRules.Engine;

namespace RiskPlatform.Application.Trading.Queries.TestRiskRules;

/// <summary>
/// What an order would meet: <c>would_block</c>, <c>would_warn</c> (an alert rule fired), <c>would_reduce_to</c> (set when a
/// reduce_size rule would cut the quantity), the breaches as the clients read them, and every evaluated rule.
/// <c>failure_code</c>/<c>reason</c> explain a block before any rule (missing or stale quote, equity not positive).
/// </summary>
public sealed record RiskTestResultDto(
    string Symbol,
    decimal Qty,
    decimal ReferencePrice,
    RiskDecisionOutcome Outcome,
    bool WouldBlock,
    bool WouldWarn,
    decimal? WouldReduceTo,
    string? FailureCode,
    string? Reason,
    IReadOnlyList<RiskTestBreachDto> Breaches,
    IReadOnlyList<RiskTestRuleResultDto> Results);
