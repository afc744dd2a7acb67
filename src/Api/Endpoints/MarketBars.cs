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
            .WithSummary("A symbol's daily bars (from the operator's imports, the broker and the quotes received) or minute bars (from the quotes), oldest first")
            .WithDescription("interval: 1d (default) or 1m. from and to (New York dates, yyyy-MM-dd, both included) default to the year up to today for "
                + "1d (at most 7320 days apart) and to today for 1m (at most 31 days apart; minute bars are kept MarketData:MinuteBarRetentionDays). "
                + "A minute bar has at (its minute's start, UTC). A symbol without history has an empty list.");
    }

    public static async Task<Ok<PriceBarsDto>> GetPriceBars(
        string symbol,
        IMediator mediator,
        CancellationToken cancellationToken,
        [FromQuery(Name = "from")] DateOnly? from = null,
        [FromQuery(Name = "to")] DateOnly? to = null,
        [FromQuery(Name = "interval")] string? interval = null) =>
        TypedResults.Ok(await mediator.Send(new GetPriceBarsQuery(symbol, from, to, interval), cancellationToken));
}
