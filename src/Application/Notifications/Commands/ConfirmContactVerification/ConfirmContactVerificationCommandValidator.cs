using FluentValidation;
using RiskPlatform.Domain.Notifications;
using RiskPlatform.Domain.Notifications.Contacts;

namespace RiskPlatform.Application.Notifications.Commands.ConfirmContactVerification;

internal sealed class ConfirmContactVerificationCommandValidator : AbstractValidator<ConfirmContactVerificationCommand>
{
    public ConfirmContactVerificationCommandValidator()
    {
        RuleFor(c => c.Channel)
            .NotNull()
            .Must(channel => channel is NotificationChannel.Email or NotificationChannel.Sms)
            .WithMessage("{PropertyName} must be email or sms.");
        RuleFor(c => c.Address).NotEmpty().MaximumLength(ContactPoint.AddressMaxLength);
        RuleFor(c => c.Code)
            .NotEmpty()
            .Must(code => code?.Trim() is { Length: ContactPoint.CodeLength } trimmed && trimmed.All(char.IsAsciiDigit))
            .WithMessage($"{{PropertyName}} must be the {ContactPoint.CodeLength}-digit code that was sent.");
    }
}
