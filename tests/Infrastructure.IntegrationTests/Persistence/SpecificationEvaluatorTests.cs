using Ardalis.Specification;
using Mapster;
using RiskPlatform.Domain.Auditing;
using RiskPlatform.Domain.Trading.Paper;
using RiskPlatform.Infrastructure.Persistence.Repositories;

namespace RiskPlatform.Infrastructure.IntegrationTests.Persistence;

/// <summary>
/// What the evaluator refuses rather than skips: features of Ardalis's builder it does not translate, and an ordering
/// started twice (the in-house builder read a second OrderBy as then-by; Ardalis needs ThenBy).
/// </summary>
public sealed class SpecificationEvaluatorTests
{
    private static readonly IQueryable<AuditLog> AuditLogs = Array.Empty<AuditLog>().AsQueryable();

    [Fact]
    public void Apply_WhenTheSpecificationSearches_RefusesIt()
    {
        var specification = new Specification<AuditLog>();
        specification.Query.Search(a => a.Action, "%Login%");

        Assert.Throws<NotSupportedException>(() => SpecificationEvaluator.Apply(AuditLogs, specification));
    }

    [Fact]
    public void Apply_WhenTheSpecificationPostProcessesItsResults_RefusesIt()
    {
        var specification = new Specification<AuditLog>();
        specification.Query.PostProcessingAction(rows => rows.Take(1));

        Assert.Throws<NotSupportedException>(() => SpecificationEvaluator.Apply(AuditLogs, specification));
    }

    [Fact]
    public void Apply_WhenTheSpecificationSelectsMany_RefusesIt()
    {
        var specification = new Specification<AuditLog, char>();
        specification.Query.SelectMany(a => a.Action);

        Assert.Throws<NotSupportedException>(() => SpecificationEvaluator.Apply(AuditLogs, specification, new TypeAdapterConfig()));
    }

    [Fact]
    public void Apply_WhenTheSpecificationIncludesBelowAnInclude_RefusesIt()
    {
        var specification = new Specification<PaperAccount>();
        specification.Query.Include(a => a.Orders).ThenInclude(o => o.Symbol);

        Assert.Throws<NotSupportedException>(() => SpecificationEvaluator.Apply(Array.Empty<PaperAccount>().AsQueryable(), specification));
    }

    [Fact]
    public void Apply_WhenASecondOrderingIsStartedInsteadOfThenBy_Throws()
    {
        var specification = new Specification<AuditLog>();
        specification.Query.OrderByDescending(a => a.Timestamp).OrderByDescending(a => a.Id);

        Assert.Throws<DuplicateOrderChainException>(() => SpecificationEvaluator.Apply(AuditLogs, specification));
    }
}
