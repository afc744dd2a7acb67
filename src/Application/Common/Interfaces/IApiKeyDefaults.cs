using RiskPlatform.Domain.ApiKeys;

namespace RiskPlatform.Application.Common.Interfaces;

/// <summary>
/// Clears a user's default key for a broker in the database at once, inside the command's transaction, so the new default
/// can be saved without tripping the unique "one default per user and broker" index.
/// </summary>
public interface IApiKeyDefaults
{
    Task ClearDefaultAsync(Guid userId, Broker broker, Guid exceptApiKeyId, DateTime now, CancellationToken cancellationToken);
}
