namespace RiskPlatform.Web.Shared;

/// <summary>
/// A mark on a <see cref="CurveChart"/> at point <see cref="Index"/>: <see cref="Kind"/> is its CSS class (its colour), and
/// <see cref="Label"/> what it marks (the mark's tooltip).
/// </summary>
public sealed record CurveMarker(int Index, string Kind, string Label);
