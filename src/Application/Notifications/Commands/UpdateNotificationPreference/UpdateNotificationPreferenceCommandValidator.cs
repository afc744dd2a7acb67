using FluentValidation;
using RiskPlatform.Application.Notifications.Common;

namespace RiskPlatform.Application.Notifications.Commands.UpdateNotificationPreference;

internal sealed class UpdateNotificationPreferenceCommandValidator : AbstractValidator<UpdateNotificationPreferenceCommand>
{
    public UpdateNotificationPreferenceCommandValidator()
    {
        RuleFor(c => c.Id).NotEmpty();
        RuleFor(c => c.MinPriority).IsInEnum();
        RuleFor(c => c.QuietStartHour).QuietHour();
        RuleFor(c => c.QuietEndHour).QuietHour();
        RuleFor(c => c.TimeZone).PreferenceTimeZone();
        RuleFor(c => c.Email).PreferenceEmail();
        RuleFor(c => c.Phone).PreferencePhone();
        RuleFor(c => c.WebhookUrl).PreferenceWebhookUrl();
        RuleFor(c => c.DigestIntervalMinutes).DigestInterval();
    }
}
