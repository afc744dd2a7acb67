using RiskPlatform.Application.Common.Messaging;
using RiskPlatform.Application.Notifications.Common;
using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Application.Notifications.Commands.StartContactVerification;

/// <summary>Sends a single-use 6-digit code to an email address or phone number of the caller's (<c>channel</c> email or sms).</summary>
public sealed record StartContactVerificationCommand(NotificationChannel? Channel, string? Address) : ICommand<ContactVerificationDto>, IRequiresRecentMfa;
