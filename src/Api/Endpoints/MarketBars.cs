using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RiskPlatform.Api.Infrastructure;
using RiskPlatform.Application.MarketData.Queries.GetPriceBars;

namespace RiskPlatform.Api.Endpoints;

internal sealed class MarketBars : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("market/bars", "Market data").RequireAuthorization();
        group.MapGet("/{symbol}", GetPriceBars)
            .WithSummary("A symbol's daily bars (from the operator's imports and the quotes received), oldest first")
            .WithDescription("from and to (yyyy-MM-dd, both included) default to the year up to today; at most 7320 days apart. A symbol without history has an empty list.");
    }

    public static async Task<Ok<PriceBarsDto>> GetPriceBars(
        string symbol,
        IMediator mediator,
        CancellationToken cancellationToken,
        [FromQuery(Name = "from")] DateOnly? from = null,
        [FromQuery(Name = "to")] DateOnly? to = null) =>
        TypedResults.Ok(await mediator.Send(new GetPriceBarsQuery(symbol, from, to), cancellationToken));
}
