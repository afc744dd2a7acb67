using System.Text.Json.Serialization;

namespace RiskPlatform.Application.RiskRules.Common;

/// <summary>
/// A rule's type-specific parameters, the JSON object <c>params</c>: <c>window_seconds</c>, which an order_rate_limit rule
/// requires; <c>lookback_days</c>, max_correlation's window of daily returns (20–1260, default 60); <c>sectors</c>, the sectors a
/// sector_limit rule is limited to. Each type refuses the others. The last two are written only when set, so a rule of any other
/// type reads exactly as before (<c>{"window_seconds": ...}</c>). Unknown keys are ignored, like unknown members everywhere on the wire.
/// </summary>
public sealed record RiskRuleParams(
    int? WindowSeconds,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? LookbackDays = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Sectors = null);
