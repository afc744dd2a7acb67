using RiskPlatform.Application.Common.Messaging;
using RiskPlatform.Application.Notifications.Common;
using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Application.Notifications.Commands.ConfirmContactVerification;

/// <summary>Completes a verification with the code that was sent to the address.</summary>
public sealed record ConfirmContactVerificationCommand(NotificationChannel? Channel, string? Address, string? Code) : ICommand<ContactDto>;
