using RiskPlatform.Application.Common.Messaging;
using RiskPlatform.Application.Notifications.Common;

namespace RiskPlatform.Application.Notifications.Commands.RotateWebhookSecret;

/// <summary>Gives the endpoint a new signing secret; the old one keeps signing for <c>Notifications:Webhooks:SecretOverlap</c>.</summary>
public sealed record RotateWebhookSecretCommand(Guid Id) : ICommand<RotatedWebhookSecretDto>, IRequiresRecentMfa;
