namespace RiskPlatform.Application.Common.Exceptions;

/// <summary>A dependency the request needs (the broker, for instance) cannot be reached (HTTP 503 with the reason).</summary>
public sealed class ServiceUnavailableException(string code, string message, Exception? inner = null) : Exception(message, inner)
{
    public string Code { get; } = code;
}
