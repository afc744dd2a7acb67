namespace RiskPlatform.Domain.Common;

/// <summary>An invariant of an aggregate refused an action. <see cref="Code"/> is stable and machine-readable.</summary>
public class DomainException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
