namespace RiskPlatform.Domain.Common;

/// <summary>The action conflicts with the current state of a resource (HTTP 409).</summary>
public sealed class ConflictException : DomainException
{
    public ConflictException(string code, string message)
        : base(code, message)
    {
    }

    public ConflictException(string code, string message, Exception innerException)
        : base(code, message, innerException)
    {
    }
}
