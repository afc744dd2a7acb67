namespace RiskPlatform.Application.Common.Webhooks;

/// <summary>The outcome of <see cref="IWebhookSender.SendAsync"/>.</summary>
/// <param name="StatusCode">The receiver's HTTP status, when it answered.</param>
/// <param name="Error">Why it failed: the status and the start of the body, or the connection problem.</param>
public sealed record WebhookSendResult(WebhookSendOutcome Outcome, int? StatusCode, string? Error, TimeSpan Duration);
