using RiskPlatform.Application.Common.Specifications;
using RiskPlatform.Domain.Portfolio;

namespace RiskPlatform.Application.Portfolio.Specifications;

public sealed class MonitorActionByIdSpec : Specification<MonitorAction>
{
    public MonitorActionByIdSpec(Guid id) => Query.Where(a => a.Id == id);
}
