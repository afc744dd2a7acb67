using System.Reflection;
using System.Runtime.CompilerServices;
using Ardalis.Specification;
using FluentValidation;
using MediatR;
using RiskPlatform.Api.Infrastructure;
using RiskPlatform.Application.Common.Messaging;

namespace RiskPlatform.Architecture.Tests;

/// <summary>
/// The naming and shape conventions, as functions from a set of types to the list of violations. The tests run them
/// over the real assemblies (expecting none) and over deliberately wrong fixtures (expecting each one to be caught).
/// </summary>
internal static class Conventions
{
    private const BindingFlags AnyInstance = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.DeclaredOnly;

    /// <summary>Types written by hand: no compiler-generated closures, state machines or attributes.</summary>
    public static IReadOnlyList<Type> DeclaredTypes(Assembly assembly) => assembly.GetTypes()
        .Where(t => !t.Name.Contains('<', StringComparison.Ordinal) && !t.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false))
        .Where(t => t.Namespace is null || !t.Namespace.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
        .Where(t => t.Namespace is null || !t.Namespace.StartsWith("System.Runtime.CompilerServices", StringComparison.Ordinal))
        .ToList();

    public static IEnumerable<Type> Handlers(IEnumerable<Type> types) =>
        types.Where(t => t is { IsClass: true, IsAbstract: false } && ClosedInterfaces(t, typeof(IRequestHandler<,>)).Any());

    public static IEnumerable<Type> Commands(IEnumerable<Type> types) =>
        types.Where(t => !t.IsInterface && ClosedInterfaces(t, typeof(ICommand<>)).Any());

    public static IEnumerable<Type> Queries(IEnumerable<Type> types) =>
        types.Where(t => !t.IsInterface && ClosedInterfaces(t, typeof(IQuery<>)).Any());

    public static IEnumerable<Type> Validators(IEnumerable<Type> types) =>
        types.Where(t => t is { IsClass: true, IsAbstract: false } && ValidatedType(t) is not null);

    public static IEnumerable<Type> Specifications(IEnumerable<Type> types) =>
        types.Where(t => t is { IsClass: true, IsAbstract: false } && DerivesFrom(t, typeof(Specification<>)));

    public static IEnumerable<Type> Dtos(IEnumerable<Type> types) =>
        types.Where(t => !t.IsInterface && t.Name.EndsWith("Dto", StringComparison.Ordinal));

    public static IEnumerable<Type> EndpointGroups(IEnumerable<Type> types) =>
        types.Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IEndpointGroup).IsAssignableFrom(t));

    public static IReadOnlyList<string> HandlerViolations(IEnumerable<Type> types) => Handlers(types)
        .SelectMany(handler =>
        {
            var problems = new List<string>();
            if (handler.IsPublic || handler.IsNestedPublic)
            {
                problems.Add($"{handler.FullName} must be internal");
            }

            if (!handler.IsSealed)
            {
                problems.Add($"{handler.FullName} must be sealed");
            }

            if (!handler.Name.EndsWith("CommandHandler", StringComparison.Ordinal) && !handler.Name.EndsWith("QueryHandler", StringComparison.Ordinal))
            {
                problems.Add($"{handler.FullName} must be named ...CommandHandler or ...QueryHandler");
            }

            foreach (var request in ClosedInterfaces(handler, typeof(IRequestHandler<,>)).Select(i => i.GetGenericArguments()[0]))
            {
                if (handler.Name != request.Name + "Handler")
                {
                    problems.Add($"{handler.FullName} handles {request.Name} and must be named {request.Name}Handler");
                }
            }

            return problems;
        })
        .ToList();

    public static IReadOnlyList<string> CommandViolations(IEnumerable<Type> types) => Commands(types)
        .SelectMany(command => RequestShapeViolations(command, "Command"))
        .ToList();

    public static IReadOnlyList<string> QueryViolations(IEnumerable<Type> types) => Queries(types)
        .SelectMany(query => RequestShapeViolations(query, "Query"))
        .ToList();

    public static IReadOnlyList<string> ValidatorViolations(IEnumerable<Type> types) => Validators(types)
        .SelectMany(validator =>
        {
            var problems = new List<string>();
            var validated = ValidatedType(validator)!;
            if (!validator.Name.EndsWith("Validator", StringComparison.Ordinal))
            {
                problems.Add($"{validator.FullName} must be named ...Validator");
            }

            foreach (var suffix in new[] { "Command", "Query" })
            {
                if (validator.Name.EndsWith(suffix + "Validator", StringComparison.Ordinal) && validator.Name != validated.Name + "Validator")
                {
                    problems.Add($"{validator.FullName} validates {validated.Name}; a ...{suffix}Validator must validate the {suffix.ToLowerInvariant()} it is named after");
                }
            }

            return problems;
        })
        .ToList();

    /// <summary>Every command, its handler and its validators live in one namespace (one folder per use case).</summary>
    public static IReadOnlyList<string> UseCaseNamespaceViolations(IEnumerable<Type> types)
    {
        var all = types.ToList();
        var problems = new List<string>();
        foreach (var request in Commands(all).Concat(Queries(all)))
        {
            var companions = Handlers(all).Where(h => ClosedInterfaces(h, typeof(IRequestHandler<,>)).Any(i => i.GetGenericArguments()[0] == request))
                .Concat(Validators(all).Where(v => ValidatedType(v) == request));
            problems.AddRange(companions
                .Where(companion => companion.Namespace != request.Namespace)
                .Select(companion => $"{companion.FullName} must live in {request.Namespace}, beside {request.Name}"));
        }

        return problems;
    }

    public static IReadOnlyList<string> CommandsWithoutValidator(IEnumerable<Type> types)
    {
        var all = types.ToList();
        var validated = Validators(all).Select(ValidatedType).ToHashSet();
        return Commands(all).Where(c => !validated.Contains(c)).Select(c => $"{c.FullName} has no AbstractValidator<{c.Name}>").ToList();
    }

    public static IReadOnlyList<string> SpecificationViolations(IEnumerable<Type> types)
    {
        var all = types.ToList();
        var problems = Specifications(all)
            .Where(spec => !spec.Name.EndsWith("Spec", StringComparison.Ordinal))
            .Select(spec => $"{spec.FullName} derives from Specification<T> and must be named ...Spec")
            .ToList();
        problems.AddRange(all
            .Where(t => t.Name.EndsWith("Spec", StringComparison.Ordinal) && !DerivesFrom(t, typeof(Specification<>)))
            .Select(t => $"{t.FullName} is named ...Spec but does not derive from Specification<T>"));
        return problems;
    }

    public static IReadOnlyList<string> DtoViolations(IEnumerable<Type> types) => Dtos(types)
        .Where(dto => !IsRecord(dto))
        .Select(dto => $"{dto.FullName} must be a record")
        .ToList();

    /// <summary>Types declared in a namespace whose last part is <c>Interfaces</c>: the ports.</summary>
    public static IEnumerable<Type> InInterfacesNamespace(IEnumerable<Type> types) =>
        types.Where(t => !t.IsNested && t.Namespace?.EndsWith(".Interfaces", StringComparison.Ordinal) == true);

    public static IReadOnlyList<string> InterfacesNamespaceViolations(IEnumerable<Type> types) => InInterfacesNamespace(types)
        .Where(type => !type.IsInterface)
        .Select(type => $"{type.FullName} is not an interface and must live beside its port, outside {type.Namespace}")
        .ToList();

    public static IReadOnlyList<string> EndpointGroupViolations(IEnumerable<Type> types, string endpointsNamespace) => EndpointGroups(types)
        .Where(group => group.Namespace != endpointsNamespace)
        .Select(group => $"{group.FullName} must live in {endpointsNamespace}")
        .ToList();

    /// <summary>A record class: the compiler gives it an EqualityContract property and a <c>&lt;Clone&gt;$</c> method.</summary>
    public static bool IsRecord(Type type) =>
        type.GetProperty("EqualityContract", AnyInstance) is not null || type.GetMethod("<Clone>$", AnyInstance) is not null;

    public static Type? ValidatedType(Type type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.IsGenericType && current.GetGenericTypeDefinition() == typeof(AbstractValidator<>))
            {
                return current.GetGenericArguments()[0];
            }
        }

        return null;
    }

    private static IEnumerable<string> RequestShapeViolations(Type request, string suffix)
    {
        if (!request.Name.EndsWith(suffix, StringComparison.Ordinal))
        {
            yield return $"{request.FullName} must be named ...{suffix}";
        }

        if (!request.IsSealed)
        {
            yield return $"{request.FullName} must be sealed";
        }

        if (!IsRecord(request))
        {
            yield return $"{request.FullName} must be a record";
        }
    }

    private static IEnumerable<Type> ClosedInterfaces(Type type, Type openGeneric) =>
        type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == openGeneric);

    private static bool DerivesFrom(Type type, Type openGenericBase)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.IsGenericType && current.GetGenericTypeDefinition() == openGenericBase)
            {
                return true;
            }
        }

        return false;
    }
}
