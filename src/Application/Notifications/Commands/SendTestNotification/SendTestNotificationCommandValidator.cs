using FluentValidation;

namespace RiskPlatform.Application.Notifications.Commands.SendTestNotification;

internal sealed class SendTestNotificationCommandValidator : AbstractValidator<SendTestNotificationCommand>
{
    public SendTestNotificationCommandValidator() => RuleFor(c => c.Priority).IsInEnum();
}
