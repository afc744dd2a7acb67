using RiskPlatform.Application.Common.Messaging;
using RiskPlatform.Application.Notifications.Common;

namespace RiskPlatform.Application.Notifications.Queries.ListNotificationPreferences;

/// <summary>The caller's preference rows; a type × channel without a row follows <c>NotificationDefaults</c>.</summary>
public sealed record ListNotificationPreferencesQuery : IQuery<IReadOnlyList<NotificationPreferenceDto>>;
