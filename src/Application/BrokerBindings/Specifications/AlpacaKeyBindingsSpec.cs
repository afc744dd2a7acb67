using Ardalis.Specification;
using RiskPlatform.Domain.ApiKeys;
using RiskPlatform.Domain.BrokerBindings;

namespace RiskPlatform.Application.BrokerBindings.Specifications;

/// <summary>Every binding to an Alpaca key, whatever its status (the caller checks the key is still usable).</summary>
public sealed class AlpacaKeyBindingsSpec : Specification<BrokerBinding>
{
    public AlpacaKeyBindingsSpec() =>
        Query.Where(b => b.Source == BrokerSource.ApiKey && b.ApiKeyId != null && b.Broker == Broker.Alpaca);
}
