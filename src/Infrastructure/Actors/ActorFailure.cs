using System.Text.Json;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Domain.Common;
using RiskPlatform.Infrastructure.Persistence;

namespace RiskPlatform.Infrastructure.Actors;

/// <summary>
/// A command's exception in a form that crosses nodes, turned back into the same exception type on the sending node, so the
/// one exception handler maps it to the same problem response as before. A refusal's extensions (e.g. the breaches of a
/// blocked order) travel as JSON already in the wire format and are written out unchanged. Anything unexpected stays
/// unexpected (a 500), its details logged on the actor's node.
/// </summary>
[GenerateSerializer, Immutable, Alias("riskplatform.actor-failure")]
public sealed record ActorFailure(
    [property: Id(0)] ActorFailureKind Kind,
    [property: Id(1)] string? Code,
    [property: Id(2)] string Message)
{
    [Id(3)] public string? Title { get; init; }

    [Id(4)] public string? Resource { get; init; }

    [Id(5)] public string? Key { get; init; }

    [Id(6)] public bool BelongsToAnotherUser { get; init; }

    [Id(7)] public bool PersistChanges { get; init; }

    [Id(8)] public TimeSpan? RetryAfter { get; init; }

    [Id(9)] public Dictionary<string, string[]>? Errors { get; init; }

    /// <summary>A refusal's extensions as one JSON object in the wire format (snake_case), or null.</summary>
    [Id(10)] public string? ExtensionsJson { get; init; }

    public static ActorFailure From(Exception exception, JsonSerializerOptions wireJson) => exception switch
    {
        _ when DatabaseUnavailable.Translate(exception) is { } databaseDown =>
            new(ActorFailureKind.ServiceUnavailable, databaseDown.Code, databaseDown.Message) { RetryAfter = databaseDown.RetryAfter },
        ValidationException e => new(ActorFailureKind.Validation, null, e.Message)
        {
            Errors = e.Errors.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
        },
        NotFoundException e => new(ActorFailureKind.NotFound, null, e.Message)
        {
            Resource = e.Resource,
            Key = Convert.ToString(e.Key, System.Globalization.CultureInfo.InvariantCulture),
            BelongsToAnotherUser = e.BelongsToAnotherUser,
        },
        UnauthorizedException e => new(ActorFailureKind.Unauthorized, e.Code, e.Message) { PersistChanges = e.PersistChanges },
        TooManyRequestsException e => new(ActorFailureKind.TooManyRequests, e.Code, e.Message) { RetryAfter = e.RetryAfter },
        ServiceUnavailableException e => new(ActorFailureKind.ServiceUnavailable, e.Code, e.Message) { RetryAfter = e.RetryAfter },
        RefusedException e => new(ActorFailureKind.Refused, e.Code, e.Message)
        {
            Title = e.Title,
            PersistChanges = e.PersistChanges,
            ExtensionsJson = JsonSerializer.Serialize(e.Extensions, wireJson),
        },
        ConflictException e => new(ActorFailureKind.Conflict, e.Code, e.Message),
        DomainException e => new(ActorFailureKind.Domain, e.Code, e.Message),
        OperationCanceledException e => new(ActorFailureKind.Cancelled, null, e.Message),
        _ => new(ActorFailureKind.Unexpected, null, "The account actor failed unexpectedly."),
    };

    /// <summary>The exception this failure stands for, to be thrown on the sending node.</summary>
    public Exception ToException() => Kind switch
    {
        ActorFailureKind.Validation => new ValidationException(Errors ?? []),
        ActorFailureKind.NotFound => new NotFoundException(Resource ?? "Resource", Key ?? string.Empty, BelongsToAnotherUser),
        ActorFailureKind.Unauthorized => new UnauthorizedException(Code ?? "unauthorized", Message, PersistChanges),
        ActorFailureKind.TooManyRequests => new TooManyRequestsException(Code ?? "too_many_requests", Message, RetryAfter ?? TimeSpan.FromSeconds(1)),
        ActorFailureKind.ServiceUnavailable => new ServiceUnavailableException(Code ?? "unavailable", Message) { RetryAfter = RetryAfter },
        ActorFailureKind.Refused => new RefusedException(Code ?? "refused", Title ?? "The request was refused.", Message, ReadExtensions(), PersistChanges),
        ActorFailureKind.Conflict => new ConflictException(Code ?? "conflict", Message),
        ActorFailureKind.Domain => new DomainException(Code ?? "refused", Message),
        ActorFailureKind.Cancelled => new OperationCanceledException(Message),
        _ => new InvalidOperationException(Message),
    };

    private Dictionary<string, object?> ReadExtensions()
    {
        if (ExtensionsJson is null)
        {
            return [];
        }

        using var document = JsonDocument.Parse(ExtensionsJson);
        return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.Clone(), StringComparer.Ordinal);
    }
}
