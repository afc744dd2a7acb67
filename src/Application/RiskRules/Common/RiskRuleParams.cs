namespace RiskPlatform.Application.RiskRules.Common;

/// <summary>
/// A rule's type-specific parameters, the JSON object <c>params</c>. The only one today is <c>window_seconds</c>, which an
/// order_rate_limit rule requires and every other type refuses. Unknown keys are ignored, like unknown members everywhere on the wire.
/// </summary>
public sealed record RiskRuleParams(int? WindowSeconds);
