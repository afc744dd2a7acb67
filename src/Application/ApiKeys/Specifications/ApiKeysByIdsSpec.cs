using Ardalis.Specification;
using RiskPlatform.Domain.ApiKeys;

namespace RiskPlatform.Application.ApiKeys.Specifications;

/// <summary>The keys with these ids (those that still exist).</summary>
public sealed class ApiKeysByIdsSpec : Specification<ApiKey>
{
    public ApiKeysByIdsSpec(IReadOnlyCollection<Guid> ids)
    {
        var list = ids.ToList();
        Query.Where(k => list.Contains(k.Id));
    }
}
