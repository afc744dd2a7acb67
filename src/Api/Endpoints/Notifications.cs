using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RiskPlatform.Api.Infrastructure;
using RiskPlatform.Application.Common.Paging;
using RiskPlatform.Application.Notifications.Commands.ClearReadNotifications;
using RiskPlatform.Application.Notifications.Commands.CreateNotificationPreference;
using RiskPlatform.Application.Notifications.Commands.DeleteNotification;
using RiskPlatform.Application.Notifications.Commands.DeleteNotificationPreference;
using RiskPlatform.Application.Notifications.Commands.MarkAllNotificationsRead;
using RiskPlatform.Application.Notifications.Commands.MarkNotificationRead;
using RiskPlatform.Application.Notifications.Commands.SendTestNotification;
using RiskPlatform.Application.Notifications.Commands.SetDefaultNotificationPreferences;
using RiskPlatform.Application.Notifications.Commands.UpdateNotificationPreference;
using RiskPlatform.Application.Notifications.Common;
using RiskPlatform.Application.Notifications.Queries.GetNotification;
using RiskPlatform.Application.Notifications.Queries.GetNotificationStats;
using RiskPlatform.Application.Notifications.Queries.ListNotificationPreferences;
using RiskPlatform.Application.Notifications.Queries.ListNotifications;

namespace RiskPlatform.Api.Endpoints;

/// <summary>
/// <c>/api/v1/notifications</c>. Literal routes (<c>/stats</c>, <c>/mark-all-read</c>, <c>/clear-all</c>, <c>/test</c>,
/// <c>/preferences</c>) can never be captured by <c>/{id:guid}</c>: the constraint only matches UUIDs.
/// </summary>
internal sealed class Notifications : IEndpointGroup
{
    private const string Base = "/api/v1/notifications";

    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("notifications", "Notifications").RequireAuthorization();
        group.MapGet("/", ListNotifications)
            .WithSummary("The caller's notifications, newest first")
            .WithDescription("Filters: is_read, priority, type (or type_filter); paged by limit and offset, or by before (a notification id) for the next page.");
        group.MapGet("/stats", GetNotificationStats)
            .WithSummary("Counts of the caller's notifications")
            .WithDescription("{total_unread, by_type, by_priority, recent_count}.");
        group.MapPut("/mark-all-read", MarkAllNotificationsRead)
            .WithSummary("Mark every notification of the caller read")
            .WithDescription("Answers {message} with the count marked.");
        group.MapDelete("/clear-all", ClearReadNotifications)
            .WithSummary("Delete the caller's read notifications")
            .WithDescription("Answers {message} with the count deleted.");
        group.MapPost("/test", SendTestNotification)
            .WithSummary("Create a test notification and deliver it on the caller's channels")
            .WithDescription("Answers the notification and its deliveries per channel. Rate limited per user.").RequireRateLimiting(RateLimits.TestNotifications);
        group.MapGet("/{id:guid}", GetNotification)
            .WithSummary("One notification")
            .WithDescription("404 for another user's notification.");
        group.MapPut("/{id:guid}/read", MarkNotificationRead)
            .WithSummary("Mark one notification read")
            .WithDescription("Sets is_read and read_at; idempotent.");
        group.MapDelete("/{id:guid}", DeleteNotification)
            .WithSummary("Delete one notification")
            .WithDescription("204; 404 for another user's notification.");

        group.MapGet("/preferences", ListNotificationPreferences)
            .WithSummary("The caller's notification preferences")
            .WithDescription("One row per (notification type, channel): enabled, minimum priority, quiet hours and the channel's target.");
        group.MapPost("/preferences", CreateNotificationPreference)
            .WithSummary("Add a notification preference")
            .WithDescription("One per (notification type, channel): a second for the same pair is a conflict (409).");
        group.MapPost("/preferences/set-defaults", SetDefaultNotificationPreferences)
            .WithSummary("Create the default preferences")
            .WithDescription("Adds the service's default preferences the caller does not have yet; existing rows are kept. Answers {message} with the count created.");
        group.MapPut("/preferences/{id:guid}", UpdateNotificationPreference)
            .WithSummary("Update a notification preference")
            .WithDescription("A partial update of enabled, minimum priority, quiet hours and target.");
        group.MapDelete("/preferences/{id:guid}", DeleteNotificationPreference)
            .WithSummary("Delete a notification preference")
            .WithDescription("204; 404 for another user's preference.");
    }

    public static async Task<Ok<IReadOnlyList<NotificationDto>>> ListNotifications(
        IMediator mediator,
        CancellationToken cancellationToken,
        [FromQuery(Name = "is_read")] bool? isRead = null,
        [FromQuery(Name = "priority")] string? priority = null,
        [FromQuery(Name = "type")] string? type = null,
        [FromQuery(Name = "type_filter")] string? typeFilter = null,
        [FromQuery(Name = "before")] Guid? before = null,
        [FromQuery(Name = "limit")] int limit = PageRequest.DefaultLimit,
        [FromQuery(Name = "offset")] int offset = 0) =>
        TypedResults.Ok(await mediator.Send(new ListNotificationsQuery(isRead, priority, type, typeFilter, before, limit, offset), cancellationToken));

    public static async Task<Ok<NotificationStatsDto>> GetNotificationStats(IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetNotificationStatsQuery(), cancellationToken));

    public static async Task<Ok<NotificationDto>> GetNotification(Guid id, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetNotificationQuery(id), cancellationToken));

    public static async Task<Ok<NotificationDto>> MarkNotificationRead(Guid id, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new MarkNotificationReadCommand(id), cancellationToken));

    public static async Task<Ok<NotificationBulkResult>> MarkAllNotificationsRead(
        IMediator mediator,
        CancellationToken cancellationToken,
        [FromQuery(Name = "type")] string? type = null) =>
        TypedResults.Ok(await mediator.Send(new MarkAllNotificationsReadCommand(type), cancellationToken));

    public static async Task<NoContent> DeleteNotification(Guid id, IMediator mediator, CancellationToken cancellationToken)
    {
        await mediator.Send(new DeleteNotificationCommand(id), cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<NotificationBulkResult>> ClearReadNotifications(IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ClearReadNotificationsCommand(), cancellationToken));

    /// <summary>The body is optional (<c>{"priority": "urgent"}</c>); without one the alert is sent at high priority.</summary>
    public static async Task<Created<TestNotificationResult>> SendTestNotification(
        IMediator mediator,
        CancellationToken cancellationToken,
        [FromBody(EmptyBodyBehavior = Microsoft.AspNetCore.Mvc.ModelBinding.EmptyBodyBehavior.Allow)] SendTestNotificationCommand? command = null)
    {
        var result = await mediator.Send(command ?? new SendTestNotificationCommand(), cancellationToken);
        return TypedResults.Created($"{Base}/{result.Notification.Id}", result);
    }

    public static async Task<Ok<IReadOnlyList<NotificationPreferenceDto>>> ListNotificationPreferences(IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ListNotificationPreferencesQuery(), cancellationToken));

    public static async Task<Created<NotificationPreferenceDto>> CreateNotificationPreference(
        CreateNotificationPreferenceCommand command,
        IMediator mediator,
        CancellationToken cancellationToken)
    {
        var preference = await mediator.Send(command, cancellationToken);
        return TypedResults.Created($"{Base}/preferences/{preference.Id}", preference);
    }

    public static async Task<Ok<NotificationPreferenceDto>> UpdateNotificationPreference(
        Guid id,
        UpdateNotificationPreferenceCommand command,
        IMediator mediator,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(command with { Id = id }, cancellationToken));

    public static async Task<NoContent> DeleteNotificationPreference(Guid id, IMediator mediator, CancellationToken cancellationToken)
    {
        await mediator.Send(new DeleteNotificationPreferenceCommand(id), cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<NotificationBulkResult>> SetDefaultNotificationPreferences(IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new SetDefaultNotificationPreferencesCommand(), cancellationToken));
}
