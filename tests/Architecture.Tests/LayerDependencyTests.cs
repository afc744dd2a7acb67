using System.Reflection;
using NetArchTest.Rules;

namespace RiskPlatform.Architecture.Tests;

public sealed class LayerDependencyTests
{
    /// <summary>Everything the Domain must not know about: libraries, frameworks and the outer layers.</summary>
    internal static readonly string[] DomainForbidden =
    [
        "MediatR", "FluentValidation", "Mapster", "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Microsoft.Extensions", "Orleans",
        Layers.ApplicationNamespace, Layers.InfrastructureNamespace, Layers.ApiNamespace,
    ];

    internal static readonly string[] ApplicationForbidden =
    [
        Layers.InfrastructureNamespace, Layers.ApiNamespace, "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Orleans",
    ];

    internal static readonly string[] InfrastructureForbidden = [Layers.ApiNamespace];

    /// <summary>The web app is a client of the HTTP API: none of the service's layers, no EF Core, no mediator, no actors.</summary>
    internal static readonly string[] WebForbidden =
    [
        Layers.DomainNamespace, Layers.ApplicationNamespace, Layers.InfrastructureNamespace, Layers.ApiNamespace,
        "MediatR", "Microsoft.EntityFrameworkCore", "Orleans",
    ];

    /// <summary>The typed .NET client ships to other teams: it knows the service only through its HTTP contract.</summary>
    internal static readonly string[] ClientForbidden =
    [
        Layers.DomainNamespace, Layers.ApplicationNamespace, Layers.InfrastructureNamespace, Layers.ApiNamespace, Layers.WebNamespace,
        "MediatR", "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Orleans",
    ];

    [Fact]
    public void Domain_WhenScannedForDependencies_UsesNoLibraryOrOuterLayer()
    {
        var result = Types.InAssembly(Layers.Domain).ShouldNot().HaveDependencyOnAny(DomainForbidden).GetResult();

        Assert.True(result.IsSuccessful, Describe(result));
    }

    [Fact]
    public void Domain_WhenScannedForDependencies_UsesOnlySystemNamespaces()
    {
        // Every type the Domain assembly refers to outside itself (read from its metadata) lives in a System namespace.
        // Compiler-synthesised types (collection-expression wrappers, static data) are inside the assembly and not references.
        using var module = Mono.Cecil.ModuleDefinition.ReadModule(Layers.Domain.Location);
        var external = module.GetTypeReferences().Select(t => t.FullName).Distinct().ToList();
        var offending = external.Where(name => !name.StartsWith("System", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(external);
        Assert.True(offending.Count == 0, "Domain refers to: " + string.Join(", ", offending));
    }

    [Fact]
    public void Domain_WhenItsReferencesAreListed_ReferencesOnlyTheBaseClassLibrary()
    {
        var references = Layers.Domain.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.NotEmpty(references);
        Assert.All(references, name => Assert.True(IsBaseClassLibrary(name), $"RiskPlatform.Domain references {name}"));
    }

    [Fact]
    public void Application_WhenScannedForDependencies_DoesNotUseInfrastructureApiEfCoreOrAspNetCore()
    {
        var result = Types.InAssembly(Layers.Application).ShouldNot().HaveDependencyOnAny(ApplicationForbidden).GetResult();

        Assert.True(result.IsSuccessful, Describe(result));
    }

    [Fact]
    public void Application_WhenItsReferencesAreListed_ReferencesNeitherInfrastructureNorApiNorEfCoreNorAspNetCore()
    {
        var references = Layers.Application.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.DoesNotContain(references, name => ApplicationForbidden.Any(forbidden => name.StartsWith(forbidden, StringComparison.Ordinal)));
    }

    [Fact]
    public void Infrastructure_WhenScannedForDependencies_DoesNotUseApi()
    {
        var result = Types.InAssembly(Layers.Infrastructure).ShouldNot().HaveDependencyOnAny(InfrastructureForbidden).GetResult();

        Assert.True(result.IsSuccessful, Describe(result));
    }

    [Fact]
    public void Web_WhenScannedForDependencies_UsesOnlyTheHttpApi()
    {
        var result = Types.InAssembly(Layers.Web).ShouldNot().HaveDependencyOnAny(WebForbidden).GetResult();

        Assert.True(result.IsSuccessful, Describe(result));
    }

    [Fact]
    public void Web_WhenItsReferencesAreListed_ReferencesNoLayerOfTheService()
    {
        var references = Layers.Web.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.Contains("Microsoft.AspNetCore.Components", references);
        Assert.DoesNotContain(references, name => WebForbidden.Any(forbidden => name.StartsWith(forbidden, StringComparison.Ordinal)));
    }

    [Fact]
    public void Client_WhenScannedForDependencies_UsesNothingOfTheService()
    {
        var result = Types.InAssembly(Layers.Client).ShouldNot().HaveDependencyOnAny(ClientForbidden).GetResult();

        Assert.True(result.IsSuccessful, Describe(result));
    }

    [Fact]
    public void Client_WhenItsReferencesAreListed_ReferencesNoProjectOfTheService()
    {
        var references = Layers.Client.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.Contains("System.Net.Http", references);
        Assert.DoesNotContain(references, name => name.StartsWith("RiskPlatform.", StringComparison.Ordinal));
        Assert.DoesNotContain(references, name => ClientForbidden.Any(forbidden => name.StartsWith(forbidden, StringComparison.Ordinal)));
    }

    /// <summary>
    /// Each forbidden list, applied to a layer that legitimately uses what it names, must fail: this proves the lists
    /// name namespaces the scanner really sees, so the rules above cannot pass because of a typo.
    /// </summary>
    [Theory]
    [InlineData(nameof(DomainForbidden), nameof(Layers.Application))]
    [InlineData(nameof(ApplicationForbidden), nameof(Layers.Infrastructure))]
    [InlineData(nameof(ApplicationForbidden), nameof(Layers.Api))]
    [InlineData(nameof(InfrastructureForbidden), nameof(Layers.Api))]
    [InlineData(nameof(WebForbidden), nameof(Layers.Api))]
    [InlineData(nameof(ClientForbidden), nameof(Layers.Web))]
    public void ForbiddenList_WhenAppliedToALayerThatUsesIt_FailsTheRule(string forbiddenList, string layer)
    {
        var forbidden = forbiddenList switch
        {
            nameof(DomainForbidden) => DomainForbidden,
            nameof(ApplicationForbidden) => ApplicationForbidden,
            nameof(WebForbidden) => WebForbidden,
            nameof(ClientForbidden) => ClientForbidden,
            _ => InfrastructureForbidden,
        };
        var assembly = (Assembly)typeof(Layers).GetProperty(layer)!.GetValue(null)!;

        var result = Types.InAssembly(assembly).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();

        Assert.False(result.IsSuccessful, $"{forbiddenList} found nothing in {assembly.GetName().Name}");
    }

    [Fact]
    public void Grains_WhenScanned_LiveInInfrastructureActorsOnly()
    {
        var grains = Types.InAssembly(Layers.Infrastructure).That().Inherit(typeof(Orleans.Grain)).GetTypes().ToList();
        var elsewhere = new[] { Layers.Application, Layers.Api }
            .SelectMany(assembly => Types.InAssembly(assembly).That().Inherit(typeof(Orleans.Grain)).GetTypes())
            .ToList();

        Assert.NotEmpty(grains);
        Assert.All(grains, grain => Assert.Equal($"{Layers.InfrastructureNamespace}.Actors", grain.Namespace));
        Assert.Empty(elsewhere);
    }

    [Fact]
    public void Api_WhenScannedForDependencies_ReachesTheActorsOnlyThroughInfrastructure()
    {
        // OrleansCodeGen: the metadata Orleans' build step generates into every assembly that references it.
        var result = Types.InAssembly(Layers.Api).That().DoNotResideInNamespace("OrleansCodeGen")
            .ShouldNot().HaveDependencyOn("Orleans").GetResult();

        Assert.True(result.IsSuccessful, Describe(result));
    }

    [Fact]
    public void OnlySystemRule_WhenAppliedToApplication_FailsTheRule()
    {
        var result = Types.InAssembly(Layers.Application).Should()
            .OnlyHaveDependenciesOn("System", Layers.DomainNamespace, "Microsoft.CodeAnalysis")
            .GetResult();

        Assert.False(result.IsSuccessful);
    }

    private static bool IsBaseClassLibrary(string assemblyName) =>
        assemblyName is "netstandard" or "mscorlib" || assemblyName == "System" || assemblyName.StartsWith("System.", StringComparison.Ordinal);

    private static string Describe(NetArchTest.Rules.TestResult result) =>
        "Offending types: " + string.Join(", ", result.FailingTypeNames ?? []);
}
