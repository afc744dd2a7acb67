using RiskPlatform.Application.ApiKeys.Specifications;
using RiskPlatform.Application.Common.Actors;
using RiskPlatform.Application.BrokerBindings.Specifications;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.ApiKeys;
using RiskPlatform.Domain.BrokerBindings;

namespace RiskPlatform.Infrastructure.Brokers;

/// <summary>
/// Reads a user's broker binding and bound key (untracked) once per scope: every broker call of one request goes to the same broker.
/// On a read on the account's actor a binding to the paper broker comes from the actor's memory (only the account's own
/// commands change it); a binding to a key is read each time, since the key's state changes outside the account.
/// </summary>
internal sealed class BrokerBindingResolver(
    AccountActorCall actorCall, IReadRepository<BrokerBinding> bindings, IReadRepository<ApiKey> apiKeys)
{
    private readonly Dictionary<Guid, ResolvedBinding> _resolved = [];

    public async Task<ResolvedBinding> ResolveAsync(Guid userId, CancellationToken cancellationToken)
    {
        if (_resolved.TryGetValue(userId, out var cached))
        {
            return cached;
        }

        var resolved = await actorCall.RecallAsync(
            userId, AccountMemoryPart.PaperBinding, token => LoadAsync(userId, token), cancellationToken, keep: r => r.IsPaper);
        _resolved[userId] = resolved;
        return resolved;
    }

    private async Task<ResolvedBinding> LoadAsync(Guid userId, CancellationToken cancellationToken)
    {
        var binding = await bindings.FirstOrDefaultAsync(new BrokerBindingForUserSpec(userId), cancellationToken);
        var key = binding is { Source: BrokerSource.ApiKey, ApiKeyId: { } keyId }
            ? await apiKeys.FirstOrDefaultAsync(new ApiKeyByIdSpec(keyId), cancellationToken)
            : null;
        return new ResolvedBinding(binding, key);
    }
}
