namespace RiskPlatform.Domain.Analytics;

/// <summary>The analytics of one portfolio; see <see cref="PortfolioAnalytics"/> for how each part is computed.</summary>
public sealed record PortfolioAnalyticsResult(
    IReadOnlyList<PositionAnalytics> Positions,
    IReadOnlyList<string> CorrelationSymbols,
    double[][]? CorrelationMatrix,
    VaRFigures? ValueAtRisk,
    IReadOnlyList<VaRContribution> VaRContributors,
    IReadOnlyList<SectorExposure> Sectors,
    int CommonReturns,
    DateOnly? FirstReturnDate,
    DateOnly? LastReturnDate,
    string? InsufficientReason);
