using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using RiskPlatform.Api.Infrastructure;
using RiskPlatform.Application.Portfolio.Queries.GetPortfolioRisk;
using RiskPlatform.Application.Portfolio.Queries.CalculatePositionSize;

namespace RiskPlatform.Api.Endpoints;

/// <summary>Portfolio risk and position sizing under /risk-rules, on literal routes so they never fall into the rules' /{id}.</summary>
internal sealed class PortfolioRisk : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("risk-rules", "Risk rules").RequireAuthorization();
        group.MapGet("/portfolio-risk", GetPortfolioRisk)
            .WithSummary("Portfolio-risk figures now; marks (and on first use creates) the portfolio state with the current equity");
        group.MapPost("/calculate-position-size", CalculatePositionSize)
            .WithSummary("A recommended position size by fixed_fractional, percent_of_equity, volatility or kelly, capped by the rules");
    }

    public static async Task<Ok<PortfolioRiskDto>> GetPortfolioRisk(IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetPortfolioRiskQuery(), cancellationToken));

    public static async Task<Ok<PositionSizeDto>> CalculatePositionSize(
        CalculatePositionSizeQuery query, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(query, cancellationToken));
}
