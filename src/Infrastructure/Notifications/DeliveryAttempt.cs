namespace RiskPlatform.Infrastructure.Notifications;

/// <summary>
/// What one send made of a delivery: <see cref="Detail"/> is the error of a failure or the reason a row is dropped
/// (never a secret); <see cref="ExternalId"/> the provider's id of a sent message.
/// </summary>
internal sealed record DeliveryAttempt(DeliveryAttemptOutcome Outcome, string? Detail = null, string? ExternalId = null)
{
    public static DeliveryAttempt Sent(string? externalId = null) => new(DeliveryAttemptOutcome.Sent, null, externalId);

    public static DeliveryAttempt Transient(string error) => new(DeliveryAttemptOutcome.TransientFailure, error);

    public static DeliveryAttempt Permanent(string error) => new(DeliveryAttemptOutcome.PermanentFailure, error);

    /// <summary>Nothing was tried and nothing will be: the row is suppressed with <paramref name="reason"/>.</summary>
    public static DeliveryAttempt Dropped(string reason) => new(DeliveryAttemptOutcome.Dropped, reason);
}

internal enum DeliveryAttemptOutcome
{
    Sent,
    TransientFailure,
    PermanentFailure,
    Dropped,
}
