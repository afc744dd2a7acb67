using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Text.Json;
using MediatR;
using RiskPlatform.Application.Common.Messaging;

namespace RiskPlatform.Infrastructure.Actors;

/// <summary>
/// Commands and reads as JSON, and results as JSON between nodes (<see cref="ActorResult"/>). A command type is resolved only
/// among the Application's <see cref="IAccountCommand{TResponse}"/> types, a read's only among its
/// <see cref="IAccountQuery{TResponse}"/> types and a result's only among their response types, so a call can never make an
/// actor instantiate anything else, and a command can never arrive as a read (which runs beside commands).
/// </summary>
internal static class ActorPayload
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);
    private static readonly ConcurrentDictionary<string, Type?> CommandTypes = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, Type?> QueryTypes = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<Type, Func<IMediator, object, CancellationToken, Task<object?>>> Senders = new();
    private static readonly ConcurrentDictionary<Type, Type> ResponseTypes = new();

    /// <summary>The response types of the Application's account commands and reads, by <see cref="TypeName"/>.</summary>
    private static readonly Lazy<FrozenDictionary<string, Type>> ResultTypes = new(() =>
        typeof(IAccountCommandMarker).Assembly.GetTypes()
            .Where(type => type is { IsAbstract: false, IsInterface: false }
                && (typeof(IAccountCommandMarker).IsAssignableFrom(type) || typeof(IAccountQueryMarker).IsAssignableFrom(type)))
            .Select(ResponseTypeOf)
            .Distinct()
            .ToFrozenDictionary(TypeName, type => type, StringComparer.Ordinal));

    public static string TypeName(Type commandType) => commandType.FullName!;

    public static string Write(object? value, Type type) => JsonSerializer.Serialize(value, type, Json);

    public static object? Read(string json, Type type) => JsonSerializer.Deserialize(json, type, Json);

    /// <summary>The response type of an account command or read named <paramref name="name"/>, or null for any other type.</summary>
    public static Type? ResultTypeOf(string name) => ResultTypes.Value.GetValueOrDefault(name);

    /// <summary>The <c>TResponse</c> of <paramref name="requestType"/>'s <see cref="IRequest{TResponse}"/>.</summary>
    public static Type ResponseTypeOf(Type requestType) => ResponseTypes.GetOrAdd(requestType, static type => type.GetInterfaces()
        .Single(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>))
        .GetGenericArguments()[0]);

    /// <summary>The account command in <paramref name="call"/>; throws for a type that is not one.</summary>
    public static object ReadCommand(AccountCall call) =>
        Deserialize(call, CommandTypeOf(call) ?? throw new InvalidOperationException($"'{call.CommandType}' is not an account command."));

    /// <summary>The type of the account command in <paramref name="call"/>, or null when it names no account command.</summary>
    public static Type? CommandTypeOf(AccountCall call) => CommandTypes.GetOrAdd(call.CommandType, Resolve<IAccountCommandMarker>);

    /// <summary>The account read in <paramref name="call"/>; throws for a type that is not one (a command above all).</summary>
    public static object ReadQuery(AccountCall call) =>
        Deserialize(call, QueryTypes.GetOrAdd(call.CommandType, Resolve<IAccountQueryMarker>)
            ?? throw new InvalidOperationException($"'{call.CommandType}' is not an account read."));

    /// <summary>Sends <paramref name="request"/> (an account command or read) and returns its boxed result.</summary>
    public static Task<object?> SendAsync(IMediator mediator, object request, CancellationToken cancellationToken) =>
        Senders.GetOrAdd(request.GetType(), CreateSender)(mediator, request, cancellationToken);

    private static object Deserialize(AccountCall call, Type type) =>
        Read(call.CommandJson, type) ?? throw new InvalidOperationException($"The {type.Name} payload was empty.");

    private static Type? Resolve<TMarker>(string name)
    {
        var type = typeof(TMarker).Assembly.GetType(name, throwOnError: false);
        return type is { IsAbstract: false, IsInterface: false } && typeof(TMarker).IsAssignableFrom(type) ? type : null;
    }

    private static Func<IMediator, object, CancellationToken, Task<object?>> CreateSender(Type requestType)
    {
        var responseType = ResponseTypeOf(requestType);
        var method = typeof(ActorPayload).GetMethod(nameof(SendTypedAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(responseType);
        return method.CreateDelegate<Func<IMediator, object, CancellationToken, Task<object?>>>();
    }

    private static async Task<object?> SendTypedAsync<TResponse>(IMediator mediator, object command, CancellationToken cancellationToken) =>
        await mediator.Send((IRequest<TResponse>)command, cancellationToken);
}
