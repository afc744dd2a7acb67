namespace RiskPlatform.Infrastructure.Actors;

/// <summary>
/// What an account command returned (<see cref="ActorResult"/>: by reference within a node, JSON between nodes), or how it
/// failed; <see cref="AwaitDurable"/> when its commit is still to be confirmed durable by the caller before it answers
/// (SQLite's group sync, docs/decisions/039).
/// </summary>
[GenerateSerializer, Immutable, Alias("riskplatform.account-call-result")]
public sealed record AccountCallResult(
    [property: Id(3)] ActorResult? Result,
    [property: Id(1)] ActorFailure? Failure,
    [property: Id(2)] bool AwaitDurable = false);
