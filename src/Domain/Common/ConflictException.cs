namespace RiskPlatform.Domain.Common;

/// <summary>The action conflicts with the current state of a resource (HTTP 409).</summary>
public sealed class ConflictException(string code, string message) : DomainException(code, message);
