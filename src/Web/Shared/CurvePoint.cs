namespace RiskPlatform.Web.Shared;

/// <summary>One point of a <see cref="CurveChart"/>: equity and its drawdown from the running peak, in percent (0 or more).</summary>
public sealed record CurvePoint(decimal Equity, decimal DrawdownPercent);
