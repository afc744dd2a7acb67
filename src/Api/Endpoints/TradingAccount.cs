using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using RiskPlatform.Api.Infrastructure;
using RiskPlatform.Application.BrokerBindings.Commands.SetTradingAccount;
using RiskPlatform.Application.BrokerBindings.Common;
using RiskPlatform.Application.BrokerBindings.Queries.GetTradingAccount;

namespace RiskPlatform.Api.Endpoints;

/// <summary>Which broker backs the caller's risk checks, orders, metrics and monitor: the paper broker or one of their vault keys.</summary>
internal sealed class TradingAccount : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("trading", "Trading").RequireAuthorization();
        group.MapGet("/account", GetTradingAccount)
            .WithDescription("source (paper or api_key), the bound key, and the broker's status.")
            .WithSummary("The broker behind the caller's trading (paper unless bound) and whether it answers (active or broker_unavailable)");
        group.MapPut("/account", SetTradingAccount)
            .WithSummary("Bind trading to paper ({source: paper}) or to an Alpaca API key ({source: api_key, api_key_id})")
            .WithDescription("404 for another user's key; 409 for a revoked, expired or inactive key, or while orders are open; "
                + "422 trading_account.broker_not_supported for brokers without a trading adapter (only Alpaca today).")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    public static async Task<Ok<TradingAccountDto>> GetTradingAccount(IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetTradingAccountQuery(), cancellationToken));

    public static async Task<Ok<TradingAccountDto>> SetTradingAccount(
        SetTradingAccountCommand command, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(command, cancellationToken));
}
