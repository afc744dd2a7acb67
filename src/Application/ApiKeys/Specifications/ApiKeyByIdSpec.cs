using Ardalis.Specification;
using RiskPlatform.Domain.ApiKeys;

namespace RiskPlatform.Application.ApiKeys.Specifications;

public sealed class ApiKeyByIdSpec : Specification<ApiKey>
{
    public ApiKeyByIdSpec(Guid id) => Query.Where(k => k.Id == id);
}
