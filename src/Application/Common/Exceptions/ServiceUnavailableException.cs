namespace RiskPlatform.Application.Common.Exceptions;

/// <summary>
/// A dependency the request needs (the broker, for instance) cannot be reached (HTTP 503 with the reason). When the dependency
/// said when to come back (a rate limit), <see cref="RetryAfter"/> becomes the response's Retry-After header.
/// </summary>
public sealed class ServiceUnavailableException(string code, string message, Exception? inner = null) : Exception(message, inner)
{
    public string Code { get; } = code;

    /// <summary>How long the caller should wait before trying again, or null when unknown.</summary>
    public TimeSpan? RetryAfter { get; init; }
}
