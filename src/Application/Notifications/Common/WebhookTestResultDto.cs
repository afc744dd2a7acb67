namespace RiskPlatform.Application.Notifications.Common;

/// <summary>What the endpoint made of a signed ping: <see cref="Delivered"/> on a 2xx answer.</summary>
public sealed record WebhookTestResultDto(bool Delivered, int? StatusCode, string? Error, long DurationMs);
