using RiskPlatform.Application.Common.Messaging;
using RiskPlatform.Application.Notifications.Common;

namespace RiskPlatform.Application.Notifications.Queries.ListPushSubscriptions;

/// <summary>The caller's subscribed browsers, oldest first, without their keys.</summary>
public sealed record ListPushSubscriptionsQuery : IQuery<IReadOnlyList<PushSubscriptionDto>>;
