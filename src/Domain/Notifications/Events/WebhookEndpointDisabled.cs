using RiskPlatform.Domain.Common;

namespace RiskPlatform.Domain.Notifications.Events;

/// <summary>A webhook endpoint failed too many times in a row and was disabled.</summary>
public sealed record WebhookEndpointDisabled(Guid EndpointId, Guid UserId, string Url, int ConsecutiveFailures, string Reason, DateTime OccurredAt) : IDomainEvent;
