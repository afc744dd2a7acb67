namespace RiskPlatform.Application.Notifications.Common;

/// <summary>The answer of the bulk operations (mark-all-read, clear-all, set-defaults): a sentence and how many rows changed.</summary>
public sealed record NotificationBulkResult(string Message, int Count);
