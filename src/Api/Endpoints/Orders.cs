using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RiskPlatform.Api.Infrastructure;
using RiskPlatform.Application.Common.Paging;
using RiskPlatform.Application.Trading.Commands.CancelOrder;
using RiskPlatform.Application.Trading.Commands.PlaceOrder;
using RiskPlatform.Application.Trading.Common;
using RiskPlatform.Application.Trading.Queries.GetOrder;
using RiskPlatform.Application.Trading.Queries.ListOrders;

namespace RiskPlatform.Api.Endpoints;

internal sealed class Orders : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("orders", "Orders").RequireAuthorization();
        group.MapPost("/", PlaceOrder)
            .WithSummary("Check an order against the caller's risk rules and submit it to the broker")
            .WithDescription("201 accepted or reduced (requested_qty, qty, binding_rule, alerts); 200 when client_order_id repeats an earlier order; "
                + "422 with the breached rules when blocked (nothing reaches the broker; a missing or stale quote blocks).")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireRateLimiting(RateLimits.Orders);
        group.MapGet("/", ListOrders)
            .WithSummary("The caller's orders, newest first")
            .WithDescription("Filters: status, symbol; paged by limit and offset.");
        group.MapGet("/{id:guid}", GetOrder)
            .WithSummary("One order")
            .WithDescription("Its decision (accepted, reduced), binding rule, alerts, broker status and fills. 404 for another user's order.");
        group.MapDelete("/{id:guid}", CancelOrder)
            .WithDescription("Cancels at the broker and records the cancellation. 409 order_not_open when it is filled, cancelled or rejected.").WithSummary("Cancel an open order (409 when it is no longer open)");
    }

    public static async Task<Results<Created<OrderDto>, Ok<OrderDto>>> PlaceOrder(
        PlaceOrderCommand command, IMediator mediator, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(command, cancellationToken);
        return result.Created
            ? TypedResults.Created($"/api/v1/orders/{result.Order.Id}", result.Order)
            : TypedResults.Ok(result.Order);
    }

    public static async Task<Ok<IReadOnlyList<OrderDto>>> ListOrders(
        IMediator mediator,
        CancellationToken cancellationToken,
        [FromQuery(Name = "status")] string? status = null,
        [FromQuery(Name = "symbol")] string? symbol = null,
        [FromQuery(Name = "limit")] int limit = PageRequest.DefaultLimit,
        [FromQuery(Name = "offset")] int offset = 0) =>
        TypedResults.Ok(await mediator.Send(new ListOrdersQuery(status, symbol, limit, offset), cancellationToken));

    public static async Task<Ok<OrderDto>> GetOrder(Guid id, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetOrderQuery(id), cancellationToken));

    public static async Task<Ok<OrderDto>> CancelOrder(Guid id, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new CancelOrderCommand(id), cancellationToken));
}
