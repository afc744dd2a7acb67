using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using RiskPlatform.Api.Infrastructure;
using RiskPlatform.Application.Notifications.Commands.DeleteWebhook;
using RiskPlatform.Application.Notifications.Commands.RegisterWebhook;
using RiskPlatform.Application.Notifications.Commands.RotateWebhookSecret;
using RiskPlatform.Application.Notifications.Commands.SendWebhookTest;
using RiskPlatform.Application.Notifications.Common;
using RiskPlatform.Application.Notifications.Queries.ListWebhooks;

namespace RiskPlatform.Api.Endpoints;

/// <summary><c>/api/v1/notifications/webhooks</c>: the caller's signed-webhook endpoints (Standard Webhooks).</summary>
internal sealed class NotificationWebhooks : IEndpointGroup
{
    private const string Base = "/api/v1/notifications/webhooks";

    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("notifications/webhooks", "Notifications").RequireAuthorization();
        group.MapPost("/", RegisterWebhook)
            .WithSummary("Register a webhook endpoint")
            .WithDescription("Answers the signing secret once; every delivery is signed with it (HMAC-SHA256). Loopback and private addresses are refused unless the operator allows them.");
        group.MapGet("/", ListWebhooks)
            .WithSummary("The caller's webhook endpoints")
            .WithDescription("URLs and their delivery state; never the signing secret.");
        group.MapDelete("/{id:guid}", DeleteWebhook)
            .WithSummary("Remove a webhook endpoint")
            .WithDescription("Pending deliveries to it are abandoned.");
        group.MapPost("/{id:guid}/rotate-secret", RotateWebhookSecret)
            .WithSummary("Replace a webhook's signing secret")
            .WithDescription("Answers the new secret once; the old one stops signing immediately.");
        group.MapPost("/{id:guid}/test", SendWebhookTest)
            .WithSummary("Send a signed test delivery to a webhook")
            .WithDescription("Answers {delivered, status_code, error, duration_ms}.");
    }

    /// <summary>The answer carries the signing secret; it is never shown again.</summary>
    public static async Task<Created<RegisteredWebhookDto>> RegisterWebhook(RegisterWebhookCommand command, IMediator mediator, CancellationToken cancellationToken)
    {
        var webhook = await mediator.Send(command, cancellationToken);
        return TypedResults.Created($"{Base}/{webhook.Id}", webhook);
    }

    public static async Task<Ok<IReadOnlyList<WebhookDto>>> ListWebhooks(IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ListWebhooksQuery(), cancellationToken));

    public static async Task<NoContent> DeleteWebhook(Guid id, IMediator mediator, CancellationToken cancellationToken)
    {
        await mediator.Send(new DeleteWebhookCommand(id), cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<RotatedWebhookSecretDto>> RotateWebhookSecret(Guid id, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new RotateWebhookSecretCommand(id), cancellationToken));

    public static async Task<Ok<WebhookTestResultDto>> SendWebhookTest(Guid id, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new SendWebhookTestCommand(id), cancellationToken));
}
