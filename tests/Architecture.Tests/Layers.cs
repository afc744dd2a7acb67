using System.Reflection;

namespace RiskPlatform.Architecture.Tests;

/// <summary>The assemblies under test, each found through a type it owns, and the namespaces the rules speak of.</summary>
internal static class Layers
{
    public const string DomainNamespace = "RiskPlatform.Domain";
    public const string ApplicationNamespace = "RiskPlatform.Application";
    public const string InfrastructureNamespace = "RiskPlatform.Infrastructure";
    public const string ApiNamespace = "RiskPlatform.Api";
    public const string WebNamespace = "RiskPlatform.Web";

    public static Assembly Domain { get; } = typeof(Domain.Common.Entity).Assembly;

    public static Assembly Application { get; } = typeof(Application.DependencyInjection).Assembly;

    public static Assembly Infrastructure { get; } = typeof(Infrastructure.DependencyInjection).Assembly;

    public static Assembly Api { get; } = typeof(Api.Infrastructure.IEndpointGroup).Assembly;

    public static Assembly Web { get; } = typeof(Web.WebApp).Assembly;

    public static Assembly Client { get; } = typeof(Client.RiskPlatformClient).Assembly;
}
