using Ardalis.Specification;
using RiskPlatform.Domain.BrokerBindings;

namespace RiskPlatform.Application.BrokerBindings.Specifications;

/// <summary>The bindings that trade with one API key (its owner's, at most one).</summary>
public sealed class BrokerBindingsForApiKeySpec : Specification<BrokerBinding>
{
    public BrokerBindingsForApiKeySpec(Guid apiKeyId) => Query.Where(b => b.ApiKeyId == apiKeyId);
}
