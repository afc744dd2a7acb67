namespace RiskPlatform.Infrastructure.Actors;

/// <summary>What an account command returned (its JSON), or how it failed.</summary>
[GenerateSerializer, Immutable, Alias("riskplatform.account-call-result")]
public sealed record AccountCallResult(
    [property: Id(0)] string? ResultJson,
    [property: Id(1)] ActorFailure? Failure);
