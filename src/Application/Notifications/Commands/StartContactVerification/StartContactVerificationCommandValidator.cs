using FluentValidation;
using RiskPlatform.Domain.Notifications;
using RiskPlatform.Domain.Notifications.Contacts;

namespace RiskPlatform.Application.Notifications.Commands.StartContactVerification;

internal sealed class StartContactVerificationCommandValidator : AbstractValidator<StartContactVerificationCommand>
{
    public StartContactVerificationCommandValidator()
    {
        RuleFor(c => c.Channel)
            .NotNull()
            .Must(channel => channel is NotificationChannel.Email or NotificationChannel.Sms)
            .WithMessage("{PropertyName} must be email or sms.");
        RuleFor(c => c.Address)
            .NotEmpty()
            .MaximumLength(ContactPoint.AddressMaxLength)
            .Must((command, address) => command.Channel is not (NotificationChannel.Email or NotificationChannel.Sms)
                || ContactPoint.Normalize(command.Channel.Value, address) is not null)
            .WithMessage((command, _) => command.Channel == NotificationChannel.Sms
                ? "address must be an international (E.164) phone number such as +44 20 7946 0958."
                : "address must be a single email address.");
    }
}
