using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using RiskPlatform.Api.Infrastructure;
using RiskPlatform.Application.MarketData.Commands.SetMarketQuote;
using RiskPlatform.Application.MarketData.Commands.SetMarketQuotes;
using RiskPlatform.Application.MarketData.Queries.GetMarketQuote;

namespace RiskPlatform.Api.Endpoints;

internal sealed class MarketQuotes : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("market/quotes", "Market data").RequireAuthorization();
        group.MapPut("/{symbol}", SetMarketQuote)
            .RequireAuthorization(AuthorizationPolicies.MarketDataPublisher)
            .WithSummary("Set a symbol's quote (global: stands in for a market-data feed; admins only, 403 for other users)")
            .WithDescription("Body {price} sets bid = ask = last, or {bid, ask, last?}. Fills every resting paper limit order the quote crosses.");
        group.MapPut("/", SetMarketQuotes)
            .RequireAuthorization(AuthorizationPolicies.MarketDataPublisher)
            .WithSummary("Set many symbols' quotes in one request (a feed's batch; admins only)")
            .WithDescription(
                "Body: an array of at most 1,000 quotes, each {symbol, price} or {symbol, bid, ask, last?}, each symbol once. One transaction "
                + "and one audit row; answers the quotes as set, in the order given. Errors name the item, e.g. quotes[2].bid.");
        group.MapGet("/{symbol}", GetMarketQuote)
            .WithDescription("The bid, ask and last price and when they were set. 404 quote_not_found when no quote was ever set for the symbol.").WithSummary("A symbol's current quote (404 when none has been set)");
    }

    public static async Task<Ok<MarketQuoteDto>> SetMarketQuote(
        string symbol, SetMarketQuoteCommand command, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(command with { Symbol = symbol }, cancellationToken));

    public static async Task<Ok<IReadOnlyList<MarketQuoteDto>>> SetMarketQuotes(
        List<SetMarketQuoteCommand>? quotes, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new SetMarketQuotesCommand(quotes), cancellationToken));

    public static async Task<Ok<MarketQuoteDto>> GetMarketQuote(string symbol, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetMarketQuoteQuery(symbol), cancellationToken));
}
