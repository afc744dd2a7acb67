using RiskPlatform.Application.Common.Messaging;

namespace RiskPlatform.Application.Portfolio.Commands.GetPortfolioRisk;

/// <summary>
/// The caller's portfolio-risk figures now. A command although served by a GET: it creates the portfolio state on first use and
/// persists the mark with the current equity (day roll, high-water mark, deepest drawdown), so the figures survive the request.
/// </summary>
public sealed record GetPortfolioRiskCommand : ICommand<PortfolioRiskDto>;
