namespace RiskPlatform.Infrastructure.Actors;

/// <summary>
/// What an account command or read returned, in <see cref="AccountCallResult"/>. Within one silo Orleans hands it over by
/// reference (it is immutable, so never copied): the caller gets the handler's own result, with no JSON on either side.
/// Between nodes <see cref="ActorResultConverter"/> writes the result's declared type and its JSON, and reads them back.
/// Writing and reading that JSON on every call was a quarter of the CPU of <c>GET /risk-rules/portfolio-risk</c>
/// (docs/PERFORMANCE.md, "Results stay objects within a node").
/// </summary>
/// <remarks>
/// Handing the object over is safe because every account handler returns a result it built for the call (a DTO, a count, an
/// id), never a part of the actor's memory that a later command would change.
/// </remarks>
[Immutable]
public sealed class ActorResult(Type type, object? value)
{
    /// <summary>The response type of the command or read that returned <see cref="Value"/>.</summary>
    public Type Type { get; } = type;

    public object? Value { get; } = value;
}

/// <summary><see cref="ActorResult"/> between nodes: its type's name and its JSON.</summary>
[GenerateSerializer, Immutable, Alias("riskplatform.actor-result")]
public readonly record struct ActorResultSurrogate(
    [property: Id(0)] string Type,
    [property: Id(1)] string Json);

/// <summary>
/// Writes an <see cref="ActorResult"/> as JSON for another node, and reads one back. The type's name resolves only among the
/// response types of the Application's account commands and reads (<see cref="ActorPayload.ResultTypeOf"/>).
/// </summary>
[RegisterConverter]
public sealed class ActorResultConverter : IConverter<ActorResult, ActorResultSurrogate>
{
    public ActorResult ConvertFromSurrogate(in ActorResultSurrogate surrogate)
    {
        var type = ActorPayload.ResultTypeOf(surrogate.Type)
            ?? throw new InvalidOperationException($"'{surrogate.Type}' is not the result type of an account command or read.");
        return new ActorResult(type, ActorPayload.Read(surrogate.Json, type));
    }

    public ActorResultSurrogate ConvertToSurrogate(in ActorResult value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new ActorResultSurrogate(ActorPayload.TypeName(value.Type), ActorPayload.Write(value.Value, value.Type));
    }
}
