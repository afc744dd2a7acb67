using System.Collections.Concurrent;
using System.Text.Json;
using MediatR;
using RiskPlatform.Application.Common.Messaging;

namespace RiskPlatform.Infrastructure.Actors;

/// <summary>
/// Commands and results as JSON between nodes. A command type is resolved only among the Application's
/// <see cref="IAccountCommand{TResponse}"/> types, so a call can never make an actor instantiate anything else.
/// </summary>
internal static class ActorPayload
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);
    private static readonly ConcurrentDictionary<string, Type?> CommandTypes = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<Type, Func<IMediator, object, CancellationToken, Task<object?>>> Senders = new();

    public static string TypeName(Type commandType) => commandType.FullName!;

    public static string Write(object? value) => value is null ? "null" : JsonSerializer.Serialize(value, value.GetType(), Json);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Json)!;

    /// <summary>The account command in <paramref name="call"/>; throws for a type that is not one.</summary>
    public static object ReadCommand(AccountCall call)
    {
        var type = CommandTypes.GetOrAdd(call.CommandType, Resolve)
            ?? throw new InvalidOperationException($"'{call.CommandType}' is not an account command.");
        return JsonSerializer.Deserialize(call.CommandJson, type, Json)
            ?? throw new InvalidOperationException($"The {type.Name} payload was empty.");
    }

    /// <summary>Sends <paramref name="command"/> (an <see cref="IAccountCommand{TResponse}"/>) and returns its boxed result.</summary>
    public static Task<object?> SendAsync(IMediator mediator, object command, CancellationToken cancellationToken) =>
        Senders.GetOrAdd(command.GetType(), CreateSender)(mediator, command, cancellationToken);

    private static Type? Resolve(string name)
    {
        var type = typeof(IAccountCommandMarker).Assembly.GetType(name, throwOnError: false);
        return type is { IsAbstract: false, IsInterface: false } && typeof(IAccountCommandMarker).IsAssignableFrom(type) ? type : null;
    }

    private static Func<IMediator, object, CancellationToken, Task<object?>> CreateSender(Type commandType)
    {
        var responseType = commandType.GetInterfaces()
            .Single(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IAccountCommand<>))
            .GetGenericArguments()[0];
        var method = typeof(ActorPayload).GetMethod(nameof(SendTypedAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(responseType);
        return method.CreateDelegate<Func<IMediator, object, CancellationToken, Task<object?>>>();
    }

    private static async Task<object?> SendTypedAsync<TResponse>(IMediator mediator, object command, CancellationToken cancellationToken) =>
        await mediator.Send((IRequest<TResponse>)command, cancellationToken);
}
