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
    public void ServiceAccountRequests_AreAccountCommandsOrReads_SoTheAccountTheyNameIsTheActorThatAnswersThem()
    {
        var notOnAnActor = Conventions.DeclaredTypes(Layers.Application)
            .Where(type => typeof(IServiceAccountRequest).IsAssignableFrom(type) && !type.IsInterface)
            .Where(type => !typeof(IAccountCommandMarker).IsAssignableFrom(type) && !typeof(IAccountQueryMarker).IsAssignableFrom(type))
            .Select(type => type.FullName)
            .ToList();

        Assert.Empty(notOnAnActor);
    }

    /// <summary>
    /// An account read runs on the actor beside the account's one command, and shares what the actor remembers with other reads:
    /// its handler may not write (no writable repository, unit of work, lock) and it may not be a command.
    /// </summary>
    [Fact]
    public void AccountReads_AreQueriesWhoseHandlersCannotWrite()
    {
        var reads = Conventions.DeclaredTypes(Layers.Application)
            .Where(type => typeof(IAccountQueryMarker).IsAssignableFrom(type) && !type.IsInterface)
            .ToList();
        Assert.Contains(reads, type => type.Name == "GetPortfolioRiskQuery");
        Assert.DoesNotContain(reads, type => type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICommand<>)));

        Type[] writers = [typeof(IUnitOfWork), typeof(ITradingLock), typeof(IKeyedTransactionLock)];
        var writingHandlers = Conventions.Handlers(Conventions.DeclaredTypes(Layers.Application))
            .Where(handler => HandledRequests(handler).Any(reads.Contains))
            .Where(handler => handler.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
                .SelectMany(constructor => constructor.GetParameters())
                .Any(p => writers.Contains(p.ParameterType)
                    || (p.ParameterType.IsGenericType && p.ParameterType.GetGenericTypeDefinition() == typeof(IRepository<>))))
            .Select(handler => handler.FullName)
            .ToList();

        Assert.Empty(writingHandlers);
    }

    private static IEnumerable<Type> HandledRequests(Type handler) => handler.GetInterfaces()
        .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(MediatR.IRequestHandler<,>))
        .Select(i => i.GetGenericArguments()[0]);
}
