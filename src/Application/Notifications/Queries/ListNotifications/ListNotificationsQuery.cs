using RiskPlatform.Application.Common.Messaging;
using RiskPlatform.Application.Common.Paging;
using RiskPlatform.Application.Notifications.Common;

namespace RiskPlatform.Application.Notifications.Queries.ListNotifications;

/// <summary>
/// The caller's notifications, newest first. <see cref="Priority"/>, <see cref="Type"/> and <see cref="TypeFilter"/> (the
/// old clients' name for <c>type</c>) are wire enum values. <see cref="Before"/> is a keyset cursor: the id of one of the
/// caller's notifications; only rows strictly older than it are returned.
/// </summary>
public sealed record ListNotificationsQuery(
    bool? IsRead = null,
    string? Priority = null,
    string? Type = null,
    string? TypeFilter = null,
    Guid? Before = null,
    int Limit = PageRequest.DefaultLimit,
    int Offset = 0) : IQuery<IReadOnlyList<NotificationDto>>;
