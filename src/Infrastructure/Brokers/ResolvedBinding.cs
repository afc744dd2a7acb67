using RiskPlatform.Domain.ApiKeys;
using RiskPlatform.Domain.BrokerBindings;

namespace RiskPlatform.Infrastructure.Brokers;

/// <summary>A user's binding (null: never chose, so paper) and, when bound to a key, that key (null if it no longer exists).</summary>
internal sealed record ResolvedBinding(BrokerBinding? Binding, ApiKey? ApiKey)
{
    public bool IsPaper => Binding is null || Binding.Source == BrokerSource.Paper;
}
