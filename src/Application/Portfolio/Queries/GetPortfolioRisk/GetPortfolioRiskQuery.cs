using RiskPlatform.Application.Common.Messaging;

namespace RiskPlatform.Application.Portfolio.Queries.GetPortfolioRisk;

/// <summary>
/// The caller's portfolio-risk figures now: the broker's account valued at the current quotes, judged against the portfolio
/// state's baselines as the next order would meet them (marked in memory). A read: it takes no lock and writes nothing; the
/// state, its high-water mark and the equity history are kept by the writers (orders and the monitor).
/// </summary>
public sealed record GetPortfolioRiskQuery : IAccountQuery<PortfolioRiskDto>;
