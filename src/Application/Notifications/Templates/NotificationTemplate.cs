namespace RiskPlatform.Application.Notifications.Templates;

/// <summary>The fixed wording for one notification type: the heading (also the subject prefix) and an introductory sentence.</summary>
public sealed record NotificationTemplate(string Heading, string Intro);
