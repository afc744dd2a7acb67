namespace RiskPlatform.Application.Common.Exceptions;

/// <summary>Missing or bad credentials (HTTP 401). The message is safe to show and says nothing about which part was wrong.</summary>
public sealed class UnauthorizedException(string code, string message, bool persistChanges = false)
    : Exception(message), IPersistChangesOnFailure
{
    public string Code { get; } = code;

    public bool PersistChanges { get; } = persistChanges;
}
