using FluentValidation;
using RiskPlatform.Application.Notifications.Common;
using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Application.Notifications.Commands.CreateNotificationPreference;

internal sealed class CreateNotificationPreferenceCommandValidator : AbstractValidator<CreateNotificationPreferenceCommand>
{
    public CreateNotificationPreferenceCommandValidator()
    {
        RuleFor(c => c.NotificationType).NotNull().IsInEnum();
        RuleFor(c => c.Channel).NotNull().IsInEnum();
        RuleFor(c => c.MinPriority).IsInEnum();
        RuleFor(c => c.QuietStartHour).QuietHour();
        RuleFor(c => c.QuietEndHour).QuietHour();
        RuleFor(c => c.QuietStartHour).NotNull().When(c => c.QuietHoursEnabled)
            .WithMessage("quiet_start_hour is required when quiet_hours_enabled is true.");
        RuleFor(c => c.QuietEndHour).NotNull().When(c => c.QuietHoursEnabled)
            .WithMessage("quiet_end_hour is required when quiet_hours_enabled is true.");
        RuleFor(c => c.TimeZone).PreferenceTimeZone();
        RuleFor(c => c.Email).PreferenceEmail();
        RuleFor(c => c.Phone).PreferencePhone();
        RuleFor(c => c.WebhookUrl).PreferenceWebhookUrl();
        RuleFor(c => c.DigestIntervalMinutes).DigestInterval();
        RuleFor(c => c.DigestIntervalMinutes)
            .Must((command, minutes) => minutes is null or 0 || command.Channel is NotificationChannel.Email or NotificationChannel.Sms)
            .WithMessage("{PropertyName} applies to the email and sms channels only.");
    }
}
