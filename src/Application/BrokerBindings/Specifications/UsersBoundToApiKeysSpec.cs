using Ardalis.Specification;
using RiskPlatform.Domain.BrokerBindings;

namespace RiskPlatform.Application.BrokerBindings.Specifications;

/// <summary>The users whose trading account is bound to a vault key (an external broker), in id order.</summary>
public sealed class UsersBoundToApiKeysSpec : Specification<BrokerBinding, Guid>
{
    public UsersBoundToApiKeysSpec()
    {
        Query.Where(b => b.Source == BrokerSource.ApiKey).OrderBy(b => b.UserId);
        Query.Select(b => b.UserId);
    }
}
