using System.Reflection;
using Microsoft.Extensions.Options;
using RiskPlatform.Application.Common.Interfaces;

namespace RiskPlatform.Architecture.Tests;

/// <summary>Validators are registered as singletons (their rules are built once): they may depend only on singletons.</summary>
public sealed class ValidatorLifetimeTests
{
    // ICommonPasswords is registered as a singleton by Infrastructure (it is the list, loaded once).
    private static readonly Type[] SingletonDependencies = [typeof(TimeProvider), typeof(IOptions<>), typeof(ICommonPasswords)];

    [Fact]
    public void Validators_DependOnlyOnSingletons_SoBuildingThemOnceCapturesNoRequestState()
    {
        var validators = Conventions.Validators(Conventions.DeclaredTypes(Layers.Application)).ToList();
        Assert.Contains(validators, validator => validator.Name == "PlaceOrderCommandValidator");

        var capturing = validators
            .SelectMany(validator => validator.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
                .SelectMany(constructor => constructor.GetParameters())
                .Where(parameter => !IsSingleton(parameter.ParameterType))
                .Select(parameter => $"{validator.Name}({parameter.ParameterType.Name} {parameter.Name})"))
            .ToList();

        Assert.Empty(capturing);
    }

    private static bool IsSingleton(Type type) =>
        SingletonDependencies.Contains(type.IsGenericType ? type.GetGenericTypeDefinition() : type);
}
