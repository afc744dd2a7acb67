using RiskPlatform.Application.Common.Messaging;

namespace RiskPlatform.Application.Notifications.Queries.GetUnreadCount;

/// <summary>
/// The committed number of unread notifications of <paramref name="UserId"/>, read by the real-time sender when it pushes the count
/// (after the command that changed it, off its request). Not an endpoint: a user's own count comes with their notification stats.
/// </summary>
public sealed record GetUnreadCountQuery(Guid UserId) : IQuery<int>;
