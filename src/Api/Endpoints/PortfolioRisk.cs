using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using RiskPlatform.Api.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using RiskPlatform.Application.Portfolio.Queries.GetEquityHistory;
using RiskPlatform.Application.Portfolio.Queries.GetPortfolioRisk;
using RiskPlatform.Application.Portfolio.Queries.CalculatePositionSize;

namespace RiskPlatform.Api.Endpoints;

/// <summary>Portfolio risk, its equity history and position sizing under /risk-rules, on literal routes so they never fall into the rules' /{id}.</summary>
internal sealed class PortfolioRisk : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("risk-rules", "Portfolio risk").RequireAuthorization();
        group.MapGet("/portfolio-risk", GetPortfolioRisk)
            .WithDescription("{account_value, buying_power, total_position_value, cash, number_of_positions, daily_pl, daily_pl_percent, total_unrealized_pl, total_unrealized_pl_percent, leverage, max_drawdown_percent} and each rule's utilisation. 503 broker_unavailable when the broker cannot be read.")
            .WithSummary("Portfolio-risk figures now; marks (and on first use creates) the portfolio state with the current equity")
            .RequireRateLimiting(RateLimits.RiskChecks);
        group.MapGet("/portfolio-risk/history", GetEquityHistory)
            .WithSummary("Recorded equity and drawdown over time: from, to (default the last 24 hours), interval minute | hour | day")
            .WithDescription("One point per interval (the last equity recorded in it), with the drawdown from the highest equity of the range "
                + "so far; the default interval is the narrowest that keeps the answer under 1500 points. 400 naming from, to or interval.");
        group.MapPost("/calculate-position-size", CalculatePositionSize)
            .WithDescription("Body {symbol, entry_price, stop_loss?, method?}. Answers the recommended shares and value, the loss at the stop, and the rules that capped it.")
            .WithSummary("A recommended position size by fixed_fractional, percent_of_equity, volatility or kelly, capped by the rules")
            .RequireRateLimiting(RateLimits.RiskChecks);
    }

    public static async Task<Ok<PortfolioRiskDto>> GetPortfolioRisk(IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetPortfolioRiskQuery(), cancellationToken));

    public static async Task<Ok<EquityHistoryDto>> GetEquityHistory(
        IMediator mediator,
        CancellationToken cancellationToken,
        [FromQuery(Name = "from")] DateTime? from = null,
        [FromQuery(Name = "to")] DateTime? to = null,
        [FromQuery(Name = "interval")] string? interval = null) =>
        TypedResults.Ok(await mediator.Send(new GetEquityHistoryQuery(from, to, interval), cancellationToken));

    public static async Task<Ok<PositionSizeDto>> CalculatePositionSize(
        CalculatePositionSizeQuery query, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(query, cancellationToken));
}
