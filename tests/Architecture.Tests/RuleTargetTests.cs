namespace RiskPlatform.Architecture.Tests;

/// <summary>The rules look at the right assemblies, and each selects real types there, so none can pass on an empty set.</summary>
public sealed class RuleTargetTests
{
    [Fact]
    public void Layers_WhenLoaded_AreTheFourRiskPlatformAssemblies()
    {
        Assert.Equal("RiskPlatform.Domain", Layers.Domain.GetName().Name);
        Assert.Equal("RiskPlatform.Application", Layers.Application.GetName().Name);
        Assert.Equal("RiskPlatform.Infrastructure", Layers.Infrastructure.GetName().Name);
        Assert.Equal("RiskPlatform.Api", Layers.Api.GetName().Name);
    }

    [Fact]
    public void Layers_WhenScanned_EachContainTypesOfTheirOwnNamespace()
    {
        Assert.Contains(Layers.Domain.GetTypes(), t => t.Namespace?.StartsWith(Layers.DomainNamespace + ".", StringComparison.Ordinal) == true);
        Assert.Contains(Layers.Application.GetTypes(), t => t.Namespace?.StartsWith(Layers.ApplicationNamespace + ".", StringComparison.Ordinal) == true);
        Assert.Contains(Layers.Infrastructure.GetTypes(), t => t.Namespace?.StartsWith(Layers.InfrastructureNamespace + ".", StringComparison.Ordinal) == true);
        Assert.Contains(Layers.Api.GetTypes(), t => t.Namespace?.StartsWith(Layers.ApiNamespace + ".", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void ApplicationSelections_WhenScanned_AreNotEmpty()
    {
        var types = Conventions.DeclaredTypes(Layers.Application);

        Assert.NotEmpty(Conventions.Handlers(types));
        Assert.Contains(Conventions.Handlers(types), t => t.Name.EndsWith("CommandHandler", StringComparison.Ordinal));
        Assert.Contains(Conventions.Handlers(types), t => t.Name.EndsWith("QueryHandler", StringComparison.Ordinal));
        Assert.NotEmpty(Conventions.Commands(types));
        Assert.NotEmpty(Conventions.Queries(types));
        Assert.Contains(Conventions.Validators(types), t => t.Name.EndsWith("CommandValidator", StringComparison.Ordinal));
        Assert.Contains(Conventions.Validators(types), t => t.Name.EndsWith("QueryValidator", StringComparison.Ordinal));
        Assert.NotEmpty(Conventions.Specifications(types));
        Assert.NotEmpty(Conventions.Dtos(types));
        Assert.Contains(Conventions.InInterfacesNamespace(types), t => t.Name == "IBrokerGateway");
    }

    [Fact]
    public void ApiSelections_WhenScanned_FindTheEndpointGroups() =>
        Assert.NotEmpty(Conventions.EndpointGroups(Conventions.DeclaredTypes(Layers.Api)));

    [Fact]
    public void IsRecord_ForRecordsAndClasses_TellsThemApart()
    {
        Assert.True(Conventions.IsRecord(typeof(Application.Auth.Commands.Login.LoginCommand)));
        Assert.True(Conventions.IsRecord(typeof(Application.Auth.Common.UserDto)));
        Assert.False(Conventions.IsRecord(typeof(Application.Common.Auditing.AuditScope)));
        Assert.False(Conventions.IsRecord(typeof(Fixtures.Violations.AccountDto)));
    }
}
