namespace RiskPlatform.Domain.Common;

/// <summary>An invariant of an aggregate refused an action. <see cref="Code"/> is stable and machine-readable.</summary>
public class DomainException : Exception
{
    public DomainException(string code, string message)
        : base(message) => Code = code;

    public DomainException(string code, string message, Exception innerException)
        : base(message, innerException) => Code = code;

    public string Code { get; }
}
