using Ardalis.Specification;
using RiskPlatform.Domain.BrokerBindings;

namespace RiskPlatform.Application.BrokerBindings.Specifications;

/// <summary>The user's broker binding (at most one).</summary>
public sealed class BrokerBindingForUserSpec : Specification<BrokerBinding>
{
    public BrokerBindingForUserSpec(Guid userId) => Query.Where(b => b.UserId == userId);
}
