namespace RiskPlatform.Architecture.Tests;

public sealed class NamingConventionTests
{
    private static readonly IReadOnlyList<Type> ApplicationTypes = Conventions.DeclaredTypes(Layers.Application);

    [Fact]
    public void RequestHandlers_InApplication_AreInternalSealedAndNamedForTheirRequest() =>
        Assert.Empty(Conventions.HandlerViolations(ApplicationTypes));

    [Fact]
    public void Commands_InApplication_AreSealedRecordsNamedCommand() =>
        Assert.Empty(Conventions.CommandViolations(ApplicationTypes));

    [Fact]
    public void Queries_InApplication_AreSealedRecordsNamedQuery() =>
        Assert.Empty(Conventions.QueryViolations(ApplicationTypes));

    [Fact]
    public void Validators_InApplication_AreNamedValidatorAndValidateTheRequestTheyAreNamedAfter() =>
        Assert.Empty(Conventions.ValidatorViolations(ApplicationTypes));

    [Fact]
    public void UseCases_InApplication_KeepRequestHandlerAndValidatorInOneNamespace() =>
        Assert.Empty(Conventions.UseCaseNamespaceViolations(ApplicationTypes));

    [Fact]
    public void Commands_InApplication_EachHaveAValidator() =>
        Assert.Empty(Conventions.CommandsWithoutValidator(ApplicationTypes));

    [Fact]
    public void Specifications_InApplication_DeriveFromSpecificationAndAreNamedSpec() =>
        Assert.Empty(Conventions.SpecificationViolations(ApplicationTypes));

    [Fact]
    public void InterfacesNamespace_InApplication_HoldsOnlyInterfaces() =>
        Assert.Empty(Conventions.InterfacesNamespaceViolations(ApplicationTypes));

    [Theory]
    [InlineData(nameof(Layers.Application))]
    [InlineData(nameof(Layers.Api))]
    public void Dtos_InLayer_AreRecords(string layer) =>
        Assert.Empty(Conventions.DtoViolations(Conventions.DeclaredTypes(LayerByName(layer))));

    [Fact]
    public void EndpointGroups_InApi_LiveInTheEndpointsNamespace() =>
        Assert.Empty(Conventions.EndpointGroupViolations(Conventions.DeclaredTypes(Layers.Api), "RiskPlatform.Api.Endpoints"));

    private static System.Reflection.Assembly LayerByName(string layer) => layer switch
    {
        nameof(Layers.Application) => Layers.Application,
        _ => Layers.Api,
    };
}
