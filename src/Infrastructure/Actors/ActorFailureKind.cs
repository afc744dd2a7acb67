namespace RiskPlatform.Infrastructure.Actors;

/// <summary>The exception types a command may end with, as they cross from an actor back to the node that sent it.</summary>
public enum ActorFailureKind
{
    Unexpected,
    Validation,
    NotFound,
    Unauthorized,
    TooManyRequests,
    ServiceUnavailable,
    Refused,
    Conflict,
    Domain,
    Cancelled,
}
