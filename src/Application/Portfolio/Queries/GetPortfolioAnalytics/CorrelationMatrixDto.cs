namespace RiskPlatform.Application.Portfolio.Queries.GetPortfolioAnalytics;

/// <summary>The Pearson correlation of the held symbols' daily returns: <c>matrix[i][j]</c> pairs <c>symbols[i]</c> with <c>symbols[j]</c>; null without enough common history.</summary>
public sealed record CorrelationMatrixDto(IReadOnlyList<string> Symbols, double[][]? Matrix);
