namespace RiskPlatform.Application.Common.Actors;

/// <summary>Who sent a command to an account actor, and from where: the caller's identity and the audit row's origin.</summary>
public sealed record AccountCallOrigin(Guid? UserId, string? IpAddress, string? UserAgent, string? TraceId);
