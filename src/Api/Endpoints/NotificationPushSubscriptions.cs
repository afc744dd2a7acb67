using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RiskPlatform.Api.Infrastructure;
using RiskPlatform.Application.Notifications.Commands.SubscribePush;
using RiskPlatform.Application.Notifications.Commands.UnsubscribePush;
using RiskPlatform.Application.Notifications.Common;
using RiskPlatform.Application.Notifications.Queries.GetPushPublicKey;
using RiskPlatform.Application.Notifications.Queries.ListPushSubscriptions;

namespace RiskPlatform.Api.Endpoints;

/// <summary>
/// <c>/api/v1/notifications/push-subscriptions</c>: the caller's browsers subscribed to Web Push. A browser fetches the
/// VAPID public key, subscribes with it (<c>pushManager.subscribe</c>) and posts the subscription's JSON here.
/// </summary>
internal sealed class NotificationPushSubscriptions : IEndpointGroup
{
    private const string Base = "/api/v1/notifications/push-subscriptions";

    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("notifications/push-subscriptions", "Notifications").RequireAuthorization();
        group.MapGet("/vapid-public-key", GetPublicKey)
            .WithSummary("The service's VAPID public key for browser push")
            .WithDescription("A browser subscribes to push with this key (applicationServerKey). 503 push_not_configured when the service has no VAPID pair.");
        group.MapPost("/", Subscribe)
            .WithSummary("Register a browser push subscription")
            .WithDescription("201 for a new endpoint, 200 when the endpoint was already registered (idempotent). The subscription's keys are never shown again.");
        group.MapGet("/", ListSubscriptions)
            .WithSummary("The caller's browser push subscriptions")
            .WithDescription("Endpoints with their creation, last success and failure times; never their keys.");
        group.MapDelete("/", Unsubscribe)
            .WithSummary("Remove a push subscription by its endpoint")
            .WithDescription("Body {endpoint}: what a browser knows after PushSubscription.unsubscribe().");
        group.MapDelete("/{id:guid}", DeleteSubscription)
            .WithSummary("Remove a push subscription by id")
            .WithDescription("404 for another user's subscription.");
    }

    public static async Task<Ok<PushPublicKeyDto>> GetPublicKey(IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetPushPublicKeyQuery(), cancellationToken));

    /// <summary>201 for a new subscription, 200 when the same endpoint was subscribed before (its keys replaced).</summary>
    public static async Task<Results<Created<PushSubscriptionDto>, Ok<PushSubscriptionDto>>> Subscribe(
        SubscribePushCommand command, IMediator mediator, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(command, cancellationToken);
        return result.Created
            ? TypedResults.Created($"{Base}/{result.Subscription.Id}", result.Subscription)
            : TypedResults.Ok(result.Subscription);
    }

    public static async Task<Ok<IReadOnlyList<PushSubscriptionDto>>> ListSubscriptions(IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ListPushSubscriptionsQuery(), cancellationToken));

    /// <summary>By the browser's endpoint, as <c>pushSubscription.unsubscribe()</c> leaves the page knowing it: <c>{endpoint}</c>.</summary>
    public static async Task<NoContent> Unsubscribe([FromBody] UnsubscribeRequest request, IMediator mediator, CancellationToken cancellationToken)
    {
        await mediator.Send(new UnsubscribePushCommand(Endpoint: request.Endpoint), cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> DeleteSubscription(Guid id, IMediator mediator, CancellationToken cancellationToken)
    {
        await mediator.Send(new UnsubscribePushCommand(Id: id), cancellationToken);
        return TypedResults.NoContent();
    }

    public sealed record UnsubscribeRequest(string? Endpoint);
}
