namespace RiskPlatform.Web.Client;

/// <summary>
/// Wire shapes of <c>GET /risk-rules/portfolio-risk/analytics</c>. A figure that needs more daily returns than the stored bars give
/// is null (the count it had is beside it, <see cref="AnalyticsInputs.MinimumReturns"/> the count it needs).
/// </summary>
public sealed record PortfolioAnalytics(
    DateTime ComputedAt,
    AnalyticsInputs Inputs,
    IReadOnlyList<PositionAnalytics> Positions,
    CorrelationMatrix Correlation,
    ValueAtRisk? ValueAtRisk,
    IReadOnlyList<VaRContributor> VarContributors,
    IReadOnlyList<SectorExposure> SectorExposure);

/// <summary>What the analytics were computed from; <see cref="InsufficientReason"/> is <c>insufficient_history</c> when the common days are too few.</summary>
public sealed record AnalyticsInputs(
    string Benchmark,
    int LookbackDays,
    int MinimumReturns,
    decimal Equity,
    string PriceSource,
    int CommonReturns,
    DateOnly? From,
    DateOnly? To,
    string VolatilityMethod,
    string VarMethod,
    string? InsufficientReason);

public sealed record PositionAnalytics(
    string Symbol,
    decimal Quantity,
    decimal MarketValue,
    decimal? PercentOfEquity,
    string Sector,
    double? AnnualisedVolatility,
    int VolatilityReturns,
    double? Beta,
    int BetaReturns);

/// <summary><c>Matrix[i][j]</c> pairs <c>Symbols[i]</c> with <c>Symbols[j]</c>; null without enough common history.</summary>
public sealed record CorrelationMatrix(IReadOnlyList<string> Symbols, IReadOnlyList<IReadOnlyList<double>>? Matrix);

public sealed record ValueAtRisk(int HorizonDays, IReadOnlyList<VaRLevel> Levels);

/// <summary>Dollars lost at one confidence (0.95 or 0.99), historical and parametric.</summary>
public sealed record VaRLevel(decimal Confidence, decimal HistoricalVar, decimal HistoricalCvar, decimal ParametricVar, decimal ParametricCvar);

public sealed record VaRContributor(string Symbol, decimal Contribution, double ShareOfTotal);

public sealed record SectorExposure(string Sector, decimal GrossExposure, decimal NetExposure, decimal? PercentOfEquity);
