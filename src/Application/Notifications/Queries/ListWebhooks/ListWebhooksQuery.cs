using RiskPlatform.Application.Common.Messaging;
using RiskPlatform.Application.Notifications.Common;

namespace RiskPlatform.Application.Notifications.Queries.ListWebhooks;

/// <summary>The caller's webhook endpoints, oldest first, without their secrets.</summary>
public sealed record ListWebhooksQuery : IQuery<IReadOnlyList<WebhookDto>>;
