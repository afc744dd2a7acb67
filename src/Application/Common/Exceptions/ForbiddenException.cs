namespace RiskPlatform.Application.Common.Exceptions;

/// <summary>The caller is signed in but may not do this as they are (HTTP 403), e.g. without a recent second factor.</summary>
public sealed class ForbiddenException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
