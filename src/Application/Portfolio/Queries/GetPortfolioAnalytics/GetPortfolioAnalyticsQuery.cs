using RiskPlatform.Application.Common.Messaging;

namespace RiskPlatform.Application.Portfolio.Queries.GetPortfolioAnalytics;

/// <summary>
/// The caller's portfolio analytics over the last <see cref="LookbackDays"/> daily returns (default
/// <see cref="GetPortfolioAnalyticsQueryValidator.DefaultLookbackDays"/>) of the stored bars, with beta to
/// <see cref="Benchmark"/> (default SPY). A read: never inside an order's transaction, stores nothing.
/// </summary>
public sealed record GetPortfolioAnalyticsQuery(string? Benchmark = null, int? LookbackDays = null) : IQuery<PortfolioAnalyticsDto>;
