using System.Reflection;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using RiskPlatform.Application.Common.Events;

namespace RiskPlatform.Application.Common.Messaging;

/// <summary>
/// The one scanning extension for MediatR 5.1.0 (which ships no DI package): registers the mediator, every request
/// handler, domain-event handler and validator found in an assembly, and the pipeline behaviours in the order given.
/// Validators are singletons: FluentValidation builds a validator's rules in its constructor, which cost more than
/// running them, and a built validator is immutable and thread-safe (a validator may therefore depend only on singletons).
/// </summary>
public static class MediatorRegistration
{
    public static IServiceCollection AddMediator(this IServiceCollection services, Assembly assembly, params Type[] behavioursOutermostFirst)
    {
        services.AddScoped<ServiceFactory>(provider => provider.GetService);
        services.AddScoped<IMediator, Mediator>();

        // MediatR 5 wraps the handler in the behaviours in registration order: the first registered runs outermost.
        // A closed behaviour (one request type's, e.g. its metrics) takes its place in the same order for that request only.
        foreach (var behaviour in behavioursOutermostFirst)
        {
            if (behaviour.IsGenericTypeDefinition)
            {
                services.AddTransient(typeof(IPipelineBehavior<,>), behaviour);
                continue;
            }

            foreach (var contract in behaviour.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IPipelineBehavior<,>)))
            {
                services.AddTransient(contract, behaviour);
            }
        }

        Type[] scanned = [typeof(IRequestHandler<,>), typeof(IDomainEventHandler<>), typeof(IDomainEventBatchHandler<>), typeof(IValidator<>)];
        foreach (var type in assembly.GetTypes().Where(t => t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false }))
        {
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType && scanned.Contains(i.GetGenericTypeDefinition())))
            {
                if (contract.GetGenericTypeDefinition() == typeof(IValidator<>))
                {
                    services.AddSingleton(contract, type);
                }
                else
                {
                    services.AddTransient(contract, type);
                }
            }
        }

        return services;
    }
}
