namespace RiskPlatform.Domain.Analytics;

/// <summary>VaR and expected shortfall in dollars (positive = loss) by both methods.</summary>
public sealed record VaRFigures(VaRPair Historical, VaRPair Parametric);
