using RiskPlatform.Architecture.Tests.Fixtures.Interfaces;
using RiskPlatform.Architecture.Tests.Fixtures.MisplacedUseCase;
using RiskPlatform.Architecture.Tests.Fixtures.Violations;

namespace RiskPlatform.Architecture.Tests;

/// <summary>Each convention, run over the deliberately wrong fixtures, reports exactly what is wrong with them.</summary>
public sealed class ConventionViolationTests
{
    private static readonly IReadOnlyList<Type> Fixtures = Conventions.DeclaredTypes(typeof(ConventionViolationTests).Assembly)
        .Where(t => t.Namespace?.StartsWith("RiskPlatform.Architecture.Tests.Fixtures", StringComparison.Ordinal) == true)
        .ToList();

    [Fact]
    public void HandlerViolations_ForPublicUnsealedMisnamedHandlers_ReportEachProblem()
    {
        var violations = Conventions.HandlerViolations(Fixtures);

        Assert.Contains($"{typeof(RenameAccountWorker).FullName} must be internal", violations);
        Assert.Contains($"{typeof(RenameAccountWorker).FullName} must be sealed", violations);
        Assert.Contains($"{typeof(RenameAccountWorker).FullName} must be named ...CommandHandler or ...QueryHandler", violations);
        Assert.Contains(violations, v => v.StartsWith($"{typeof(CloseAccountCommandHandler).FullName} handles FindAccounts", StringComparison.Ordinal));
    }

    [Fact]
    public void CommandViolations_ForAnUnsealedClassNotNamedCommand_ReportEachProblem()
    {
        var violations = Conventions.CommandViolations(Fixtures);

        Assert.Equal(
            [
                $"{typeof(RenameAccount).FullName} must be named ...Command",
                $"{typeof(RenameAccount).FullName} must be sealed",
                $"{typeof(RenameAccount).FullName} must be a record",
            ],
            violations);
    }

    [Fact]
    public void QueryViolations_ForAQueryNotNamedQuery_ReportIt() =>
        Assert.Equal([$"{typeof(FindAccounts).FullName} must be named ...Query"], Conventions.QueryViolations(Fixtures));

    [Fact]
    public void ValidatorViolations_ForMisnamedAndMismatchedValidators_ReportBoth()
    {
        var violations = Conventions.ValidatorViolations(Fixtures);

        Assert.Equal(2, violations.Count);
        Assert.Contains($"{typeof(RenameAccountRules).FullName} must be named ...Validator", violations);
        Assert.Contains(violations, v => v.StartsWith($"{typeof(CloseAccountCommandValidator).FullName} validates FindAccounts", StringComparison.Ordinal));
    }

    [Fact]
    public void CommandsWithoutValidator_ForACommandNobodyValidates_ReportIt() =>
        Assert.Equal([$"{typeof(CloseAccountCommand).FullName} has no AbstractValidator<CloseAccountCommand>"], Conventions.CommandsWithoutValidator(Fixtures));

    [Fact]
    public void UseCaseNamespaceViolations_ForAHandlerAndValidatorElsewhere_ReportBoth()
    {
        var violations = Conventions.UseCaseNamespaceViolations(Fixtures);

        Assert.Equal(2, violations.Count(v => v.EndsWith($"beside {nameof(ArchiveAccountCommand)}", StringComparison.Ordinal)));
    }

    [Fact]
    public void SpecificationViolations_ForBothMisnamings_ReportBoth()
    {
        var violations = Conventions.SpecificationViolations(Fixtures);

        Assert.Equal(
            [
                $"{typeof(ActiveUsers).FullName} derives from Specification<T> and must be named ...Spec",
                $"{typeof(LegacyUserSpec).FullName} is named ...Spec but does not derive from Specification<T>",
            ],
            violations);
    }

    [Fact]
    public void DtoViolations_ForAClassDto_ReportIt() =>
        Assert.Equal([$"{typeof(AccountDto).FullName} must be a record"], Conventions.DtoViolations(Fixtures));

    [Fact]
    public void EndpointGroupViolations_ForAGroupOutsideEndpoints_ReportIt() =>
        Assert.Equal(
            [$"{typeof(StrayEndpoints).FullName} must live in RiskPlatform.Api.Endpoints"],
            Conventions.EndpointGroupViolations(Fixtures, "RiskPlatform.Api.Endpoints"));

    [Fact]
    public void InterfacesNamespaceViolations_ForARecordBesideAPort_ReportOnlyTheRecord() =>
        Assert.Equal(
            [$"{typeof(AccountMessage).FullName} is not an interface and must live beside its port, outside {typeof(IAccountMailer).Namespace}"],
            Conventions.InterfacesNamespaceViolations(Fixtures));
}
