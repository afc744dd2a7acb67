using RiskPlatform.Domain.Analytics;

namespace RiskPlatform.Application.Portfolio.Queries.GetPortfolioAnalytics;

/// <summary>The analytics on the wire: what they were computed from, then each part (see <see cref="PortfolioAnalytics"/>).</summary>
public sealed record PortfolioAnalyticsDto(
    DateTime ComputedAt,
    AnalyticsInputsDto Inputs,
    IReadOnlyList<PositionAnalyticsDto> Positions,
    CorrelationMatrixDto Correlation,
    ValueAtRiskDto? ValueAtRisk,
    IReadOnlyList<VaRContributorDto> VarContributors,
    IReadOnlyList<SectorExposureDto> SectorExposure)
{
    public static PortfolioAnalyticsDto From(PortfolioAnalyticsResult result, AnalyticsInputsDto inputs, DateTime computedAt)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new(
            computedAt,
            inputs,
            [.. result.Positions.Select(p => new PositionAnalyticsDto(
                p.Symbol, p.Quantity, Money(p.MarketValue), Percent(p.PercentOfEquity), p.Sector,
                Ratio(p.AnnualisedVolatility), p.VolatilityReturns, Ratio(p.Beta), p.BetaReturns))],
            new CorrelationMatrixDto(result.CorrelationSymbols, result.CorrelationMatrix?.Select(row => row.Select(v => Ratio(v)!.Value).ToArray()).ToArray()),
            result.ValueAtRisk is { } var ? new ValueAtRiskDto(1, Levels(var)) : null,
            [.. result.VaRContributors.Select(c => new VaRContributorDto(c.Symbol, Dollars(c.Contribution), Ratio(c.ShareOfTotal)!.Value))],
            [.. result.Sectors.Select(s => new SectorExposureDto(s.Sector, Money(s.GrossExposure), Money(s.NetExposure), Percent(s.PercentOfEquity)))]);
    }

    private static VaRLevelDto[] Levels(VaRFigures figures) =>
    [
        new(0.95m, Dollars(figures.Historical.VaR95), Dollars(figures.Historical.ExpectedShortfall95),
            Dollars(figures.Parametric.VaR95), Dollars(figures.Parametric.ExpectedShortfall95)),
        new(0.99m, Dollars(figures.Historical.VaR99), Dollars(figures.Historical.ExpectedShortfall99),
            Dollars(figures.Parametric.VaR99), Dollars(figures.Parametric.ExpectedShortfall99)),
    ];

    private static decimal Money(decimal value) => decimal.Round(value, 2);

    private static decimal Dollars(double value) => decimal.Round((decimal)value, 2);

    private static decimal? Percent(decimal? value) => value is { } v ? decimal.Round(v, 4) : null;

    private static double? Ratio(double? value) => value is { } v ? Math.Round(v, 6) : null;
}
