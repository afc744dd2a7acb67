using RiskPlatform.Application.Common.Messaging;

namespace RiskPlatform.Application.Notifications.Commands.ResealWebhookSecrets;

/// <summary>
/// Seals the webhook secrets of the next batch of endpoints (in id order, after <see cref="After"/>) that are stored unsealed
/// or sealed under an old master key version, with the active one, in one transaction. Run by <c>keys rewrap</c>.
/// </summary>
public sealed record ResealWebhookSecretsCommand(int BatchSize = 100, Guid? After = null) : ICommand<WebhookResealBatch>;
