using System.Reflection;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Common.Messaging;

namespace RiskPlatform.Architecture.Tests;

/// <summary>The account actor is the one writer of an account: what writes an account's trading state runs on it.</summary>
public sealed class AccountActorTests
{
    /// <summary>
    /// Takes the user's lock only so that two concurrent creates cannot both pass the per-user key limit; it writes no trading
    /// state, so it stays off the actor.
    /// </summary>
    private const string CreateApiKeyHandler = "RiskPlatform.Application.ApiKeys.Commands.CreateApiKey.CreateApiKeyCommandHandler";

    [Fact]
    public void Handlers_ThatTakeTheTradingLock_HandleAccountCommands_SoTheyRunOnTheAccountsActor()
    {
        var lockTakers = Conventions.Handlers(Conventions.DeclaredTypes(Layers.Application))
            .Where(handler => handler.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
                .Any(constructor => constructor.GetParameters().Any(p => p.ParameterType == typeof(ITradingLock))))
            .ToList();
        Assert.Contains(lockTakers, handler => handler.Name == "PlaceOrderCommandHandler");

        var offTheActor = lockTakers
            .Where(handler => handler.FullName != CreateApiKeyHandler)
            .Where(handler => !HandledRequests(handler).All(request => typeof(IAccountCommandMarker).IsAssignableFrom(request)))
            .Select(handler => handler.FullName)
            .ToList();

        Assert.Empty(offTheActor);
    }

    [Fact]
    public void ServiceAccountCommands_AreAccountCommands_SoTheAccountTheyNameIsTheActorThatRunsThem()
    {
        var notOnAnActor = Conventions.DeclaredTypes(Layers.Application)
            .Where(type => typeof(IServiceAccountCommand).IsAssignableFrom(type) && !type.IsInterface)
            .Where(type => !typeof(IAccountCommandMarker).IsAssignableFrom(type))
            .Select(type => type.FullName)
            .ToList();

        Assert.Empty(notOnAnActor);
    }

    private static IEnumerable<Type> HandledRequests(Type handler) => handler.GetInterfaces()
        .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(MediatR.IRequestHandler<,>))
        .Select(i => i.GetGenericArguments()[0]);
}
