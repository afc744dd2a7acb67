using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RiskPlatform.Api.Infrastructure;
using RiskPlatform.Application.Trading.Queries.GetMaxQuantity;
using RiskPlatform.Application.Trading.Queries.TestRiskRules;

namespace RiskPlatform.Api.Endpoints;

/// <summary>Read-only risk checks under /risk-rules, on literal routes so they never fall into the rules' /{id}.</summary>
internal sealed class RiskChecks : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("risk-rules", "Risk checks").RequireAuthorization();
        group.MapPost("/test", TestRiskRules)
            .WithDescription("Body {symbol, order_qty?, order_value?, strategy_id?}. Answers {would_block, would_warn, breaches} as the pre-trade check would judge the order now; nothing is recorded.")
            .WithSummary("Evaluate a hypothetical order against the caller's rules, or against a draft rule; records nothing")
            .RequireRateLimiting(RateLimits.RiskChecks);
        group.MapGet("/max-quantity", GetMaxQuantity)
            .WithDescription("Query symbol, side and strategy_id. The largest quantity the caller's rules would accept now, and the rule that binds.")
            .WithSummary("The largest quantity every rule allows now for a symbol and side, and the rule that binds")
            .RequireRateLimiting(RateLimits.RiskChecks);
    }

    public static async Task<Ok<RiskTestResultDto>> TestRiskRules(TestRiskRulesQuery query, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(query, cancellationToken));

    public static async Task<Ok<MaxQuantityDto>> GetMaxQuantity(
        IMediator mediator,
        CancellationToken cancellationToken,
        [FromQuery(Name = "symbol")] string? symbol = null,
        [FromQuery(Name = "side")] string? side = null,
        [FromQuery(Name = "strategy_id")] Guid? strategyId = null) =>
        TypedResults.Ok(await mediator.Send(new GetMaxQuantityQuery(symbol, side, strategyId), cancellationToken));
}
