namespace RiskPlatform.Application.Notifications.Templates;

/// <summary>An email ready to send: a single-line subject, a plain-text body and an HTML body (user text encoded).</summary>
public sealed record RenderedMessage(string Subject, string Text, string Html);
