namespace RiskPlatform.Application.Common.Exceptions;

/// <summary>The caller is throttled (HTTP 429); <see cref="RetryAfter"/> becomes the Retry-After header.</summary>
public sealed class TooManyRequestsException(string code, string message, TimeSpan retryAfter) : Exception(message)
{
    public string Code { get; } = code;

    public TimeSpan RetryAfter { get; } = retryAfter;
}
