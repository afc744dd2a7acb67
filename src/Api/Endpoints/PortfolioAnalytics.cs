using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RiskPlatform.Api.Infrastructure;
using RiskPlatform.Application.Portfolio.Queries.GetPortfolioAnalytics;

namespace RiskPlatform.Api.Endpoints;

/// <summary>Portfolio analytics under /risk-rules, on a literal route so it never falls into the rules' /{id}.</summary>
internal sealed class PortfolioAnalytics : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("risk-rules", "Portfolio analytics").RequireAuthorization();
        group.MapGet("/portfolio-risk/analytics", GetPortfolioAnalytics)
            .WithSummary("Volatility, beta, correlation matrix, 1-day VaR/CVaR (95 %, 99 %, historical and parametric), sector exposure, VaR contributors")
            .WithDescription("benchmark (default SPY), lookback_days (daily returns, 20-1260, default 252). Computed from the stored daily bars; "
                + "the inputs and the window used are in the response. Figures needing at least 20 returns are null below that.")
            .RequireRateLimiting(RateLimits.RiskChecks);
    }

    public static async Task<Ok<PortfolioAnalyticsDto>> GetPortfolioAnalytics(
        IMediator mediator,
        CancellationToken cancellationToken,
        [FromQuery(Name = "benchmark")] string? benchmark = null,
        [FromQuery(Name = "lookback_days")] int? lookbackDays = null) =>
        TypedResults.Ok(await mediator.Send(new GetPortfolioAnalyticsQuery(benchmark, lookbackDays), cancellationToken));
}
