using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using RiskPlatform.Domain.Common;

namespace RiskPlatform.Application.Common.Events;

/// <summary>
/// Calls every <see cref="IDomainEventHandler{TEvent}"/> registered for an event's runtime type, event by event in the order
/// they were raised, then every <see cref="IDomainEventBatchHandler{TEvent}"/> once with all events of its type.
/// </summary>
public sealed class DomainEventDispatcher(IServiceProvider services)
{
    private static readonly ConcurrentDictionary<Type, Invokers> InvokersByType = new();

    public Task DispatchAsync(IDomainEvent domainEvent, CancellationToken cancellationToken) =>
        DispatchAsync([domainEvent], cancellationToken);

    public async Task DispatchAsync(IReadOnlyList<IDomainEvent> domainEvents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvents);
        foreach (var domainEvent in domainEvents)
        {
            await InvokersOf(domainEvent.GetType()).Each(services, domainEvent, cancellationToken);
        }

        foreach (var group in domainEvents.GroupBy(e => e.GetType()))
        {
            await InvokersOf(group.Key).All(services, [.. group], cancellationToken);
        }
    }

    private static Invokers InvokersOf(Type eventType) => InvokersByType.GetOrAdd(eventType, CreateInvokers);

    private static Invokers CreateInvokers(Type eventType)
    {
        const System.Reflection.BindingFlags Private = System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static;
        return new Invokers(
            typeof(DomainEventDispatcher).GetMethod(nameof(InvokeHandlersAsync), Private)!.MakeGenericMethod(eventType)
                .CreateDelegate<Func<IServiceProvider, IDomainEvent, CancellationToken, Task>>(),
            typeof(DomainEventDispatcher).GetMethod(nameof(InvokeBatchHandlersAsync), Private)!.MakeGenericMethod(eventType)
                .CreateDelegate<Func<IServiceProvider, IReadOnlyList<IDomainEvent>, CancellationToken, Task>>());
    }

    private static async Task InvokeHandlersAsync<TEvent>(IServiceProvider services, IDomainEvent domainEvent, CancellationToken cancellationToken)
        where TEvent : IDomainEvent
    {
        foreach (var handler in services.GetServices<IDomainEventHandler<TEvent>>())
        {
            await handler.Handle((TEvent)domainEvent, cancellationToken);
        }
    }

    private static async Task InvokeBatchHandlersAsync<TEvent>(
        IServiceProvider services, IReadOnlyList<IDomainEvent> domainEvents, CancellationToken cancellationToken)
        where TEvent : IDomainEvent
    {
        var handlers = services.GetServices<IDomainEventBatchHandler<TEvent>>().ToList();
        if (handlers.Count == 0)
        {
            return;
        }

        var typed = domainEvents.Cast<TEvent>().ToList();
        foreach (var handler in handlers)
        {
            await handler.Handle(typed, cancellationToken);
        }
    }

    private sealed record Invokers(
        Func<IServiceProvider, IDomainEvent, CancellationToken, Task> Each,
        Func<IServiceProvider, IReadOnlyList<IDomainEvent>, CancellationToken, Task> All);
}
