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
        group.MapGet("/", ListNotifications);
        group.MapGet("/stats", GetNotificationStats);
        group.MapPut("/mark-all-read", MarkAllNotificationsRead);
        group.MapDelete("/clear-all", ClearReadNotifications);
        group.MapPost("/test", SendTestNotification).RequireRateLimiting(RateLimits.TestNotifications);
        group.MapGet("/{id:guid}", GetNotification);
        group.MapPut("/{id:guid}/read", MarkNotificationRead);
        group.MapDelete("/{id:guid}", DeleteNotification);

        group.MapGet("/preferences", ListNotificationPreferences);
        group.MapPost("/preferences", CreateNotificationPreference);
        group.MapPost("/preferences/set-defaults", SetDefaultNotificationPreferences);
        group.MapPut("/preferences/{id:guid}", UpdateNotificationPreference);
        group.MapDelete("/preferences/{id:guid}", DeleteNotificationPreference);
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
