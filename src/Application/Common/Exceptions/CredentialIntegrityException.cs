namespace RiskPlatform.Application.Common.Exceptions;

/// <summary>
/// A stored credential failed authentication: it was tampered with, corrupted, truncated, or copied to another row,
/// user, field or broker. The message never contains key material.
/// </summary>
public sealed class CredentialIntegrityException : Exception
{
    public CredentialIntegrityException(string message)
        : base(message)
    {
    }

    public CredentialIntegrityException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
