namespace RiskPlatform.Application.Notifications.Commands.ResealWebhookSecrets;

/// <param name="Resealed">Endpoints whose secrets are now sealed under the active master key.</param>
/// <param name="Failed">Endpoints whose stored secret failed the integrity check (left as they are; their owner rotates).</param>
/// <param name="LastId">The last endpoint of this batch: the next batch starts after it.</param>
/// <param name="HasMore">Whether the batch was full, so there may be more endpoints after <paramref name="LastId"/>.</param>
public sealed record WebhookResealBatch(int Resealed, int Failed, Guid? LastId, bool HasMore);
