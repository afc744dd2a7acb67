namespace RiskPlatform.Api.FunctionalTests.Brokers.FakeAlpaca;

/// <summary>
/// A failure the fake Alpaca injects on one route: an HTTP status with Alpaca's error body (and Retry-After for 429), or a delay
/// before answering. With <see cref="ApplyFirst"/> the request takes effect before the failure (an order that was placed although
/// the answer was lost).
/// </summary>
public sealed record FakeAlpacaFailure(int Status, string Message, TimeSpan Delay = default, int? RetryAfterSeconds = null, bool ApplyFirst = false)
{
    public static FakeAlpacaFailure Unauthorized => new(401, "request is not authorized");

    public static FakeAlpacaFailure InsufficientBuyingPower => new(403, "insufficient buying power");

    public static FakeAlpacaFailure NotFound => new(404, "order not found");

    public static FakeAlpacaFailure Unprocessable(string message = "qty must be > 0") => new(422, message);

    public static FakeAlpacaFailure TooManyRequests(int retryAfterSeconds) => new(429, "too many requests", RetryAfterSeconds: retryAfterSeconds);

    public static FakeAlpacaFailure ServerError => new(500, "internal server error");

    /// <summary>Answers normally, but only after <paramref name="delay"/>.</summary>
    public static FakeAlpacaFailure Slow(TimeSpan delay) => new(0, string.Empty, delay);
}
