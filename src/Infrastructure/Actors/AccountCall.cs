namespace RiskPlatform.Infrastructure.Actors;

/// <summary>
/// An account command on the wire between nodes: the command's type and JSON (<see cref="ActorPayload"/>), and who sent it
/// from where (the audit row's user, IP address, user agent and trace id).
/// </summary>
[GenerateSerializer, Immutable, Alias("riskplatform.account-call")]
public sealed record AccountCall(
    [property: Id(0)] string CommandType,
    [property: Id(1)] string CommandJson,
    [property: Id(2)] Guid? CallerUserId,
    [property: Id(3)] string? IpAddress,
    [property: Id(4)] string? UserAgent,
    [property: Id(5)] string? TraceId);
