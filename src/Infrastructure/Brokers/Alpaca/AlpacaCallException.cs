namespace RiskPlatform.Infrastructure.Brokers.Alpaca;

/// <summary>
/// An Alpaca call that failed; the gateway turns it into a 503 with <see cref="Exception.Message"/> as the reason (never a
/// credential) and, when known, <see cref="RetryAfter"/> as the response's Retry-After.
/// </summary>
internal sealed class AlpacaCallException(AlpacaFailure failure, string message, Exception? inner = null, TimeSpan? retryAfter = null)
    : Exception(message, inner)
{
    public AlpacaFailure Failure { get; } = failure;

    /// <summary>How long to wait before calling again (a rate limit), or null.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
