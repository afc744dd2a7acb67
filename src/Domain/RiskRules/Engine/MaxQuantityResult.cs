namespace RiskPlatform.Domain.RiskRules.Engine;

/// <summary>
/// The largest quantity every rule allows right now for one symbol and side (see <see cref="RiskEngine.MaxQuantity"/>).
/// <see cref="MaxQuantity"/> is in whole shares, or null when no rule limits the quantity.
/// <see cref="BindingRule"/> is the rule that sets the limit (null when none does or when the quote or equity failed).
/// <see cref="LimitedByReduceOnly"/>: the rules allow less than the existing opposite position, so the maximum is what closes
/// that position (reduce-only orders always pass); <see cref="BindingRule"/> is then the rule that stops anything beyond it.
/// <see cref="FailureCode"/> is <c>QUOTE_UNAVAILABLE</c>/<c>QUOTE_STALE</c>/<c>EQUITY_NOT_POSITIVE</c> when nothing can be allowed for that reason.
/// </summary>
public sealed record MaxQuantityResult(
    decimal? MaxQuantity,
    RiskRule? BindingRule,
    bool LimitedByReduceOnly,
    decimal ReferencePrice,
    string? FailureCode);
