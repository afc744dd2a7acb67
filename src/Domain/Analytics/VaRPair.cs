namespace RiskPlatform.Domain.Analytics;

public sealed record VaRPair(double VaR95, double ExpectedShortfall95, double VaR99, double ExpectedShortfall99);
