using RiskPlatform.Application.ApiKeys.Specifications;
using RiskPlatform.Application.BrokerBindings.Specifications;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.ApiKeys;
using RiskPlatform.Domain.BrokerBindings;

namespace RiskPlatform.Infrastructure.Brokers;

/// <summary>
/// Reads a user's broker binding and bound key (untracked) once per scope: every broker call of one request goes to the same broker.
/// </summary>
internal sealed class BrokerBindingResolver(IReadRepository<BrokerBinding> bindings, IReadRepository<ApiKey> apiKeys)
{
    private readonly Dictionary<Guid, ResolvedBinding> _resolved = [];

    public async Task<ResolvedBinding> ResolveAsync(Guid userId, CancellationToken cancellationToken)
    {
        if (_resolved.TryGetValue(userId, out var cached))
        {
            return cached;
        }

        var binding = await bindings.FirstOrDefaultAsync(new BrokerBindingForUserSpec(userId), cancellationToken);
        var key = binding is { Source: BrokerSource.ApiKey, ApiKeyId: { } keyId }
            ? await apiKeys.FirstOrDefaultAsync(new ApiKeyByIdSpec(keyId), cancellationToken)
            : null;
        var resolved = new ResolvedBinding(binding, key);
        _resolved[userId] = resolved;
        return resolved;
    }
}
