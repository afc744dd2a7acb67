using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using RiskPlatform.Api.Infrastructure;
using RiskPlatform.Application.MarketData.Commands.SetSymbolReference;
using RiskPlatform.Application.MarketData.Queries.GetSymbolReference;

namespace RiskPlatform.Api.Endpoints;

internal sealed class MarketSymbols : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("market/symbols", "Market data").RequireAuthorization();
        group.MapPut("/{symbol}", SetSymbolReference)
            .RequireAuthorization(AuthorizationPolicies.MarketDataPublisher)
            .WithSummary("Set a symbol's reference data: sector, industry, asset_class, exchange (admins only, 403 for other users)")
            .WithDescription("Replaces every field; an omitted or blank field is cleared. A symbol without a sector counts as unclassified.");
        group.MapGet("/{symbol}", GetSymbolReference)
            .WithDescription("The symbol's sector and other reference data used by sector rules. 404 when none was set.").WithSummary("A symbol's reference data (404 when none has been set)");
    }

    public static async Task<Ok<SymbolReferenceDto>> SetSymbolReference(
        string symbol, SetSymbolReferenceCommand command, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(command with { Symbol = symbol }, cancellationToken));

    public static async Task<Ok<SymbolReferenceDto>> GetSymbolReference(string symbol, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetSymbolReferenceQuery(symbol), cancellationToken));
}
