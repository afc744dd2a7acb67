namespace RiskPlatform.Application.Notifications.Common;

/// <summary>The new signing secret, shown this once; the previous one keeps signing until <see cref="PreviousSecretExpiresAt"/>.</summary>
public sealed record RotatedWebhookSecretDto(Guid Id, string Secret, DateTime PreviousSecretExpiresAt);
