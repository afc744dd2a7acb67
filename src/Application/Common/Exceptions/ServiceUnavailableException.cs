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

    /// <summary>
    /// A 503 for ciphertexts sealed under a master key version this service lacks. The answer names no setting or version
    /// (configuration is the operator's business, not the caller's); the inner exception, which does, goes to the log.
    /// </summary>
    public static ServiceUnavailableException MasterKeyUnavailable(UnknownMasterKeyVersionException exception) => new(
        "master_key_unavailable",
        "The stored credentials cannot be opened by this service right now; an operator has been told. Try again later.",
        exception);
}
