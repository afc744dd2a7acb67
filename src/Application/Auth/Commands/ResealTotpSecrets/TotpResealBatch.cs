namespace RiskPlatform.Application.Auth.Commands.ResealTotpSecrets;

/// <param name="Resealed">Authenticators whose secret is now sealed under the active master key.</param>
/// <param name="Failed">Authenticators whose sealed secret failed the integrity check (left as they are; their owner sets TOTP up again).</param>
/// <param name="LastId">The last authenticator of this batch: the next batch starts after it.</param>
/// <param name="HasMore">Whether the batch was full, so there may be more after <paramref name="LastId"/>.</param>
public sealed record TotpResealBatch(int Resealed, int Failed, Guid? LastId, bool HasMore);
