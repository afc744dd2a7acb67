using RiskPlatform.Application.Common.Messaging;
using RiskPlatform.Application.Notifications.Common;

namespace RiskPlatform.Application.Notifications.Commands.SetDefaultNotificationPreferences;

/// <summary>Creates a row holding the default for every type × channel the caller has no row for; rows already there are untouched.</summary>
public sealed record SetDefaultNotificationPreferencesCommand : ICommand<NotificationBulkResult>;
