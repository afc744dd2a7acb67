using FluentValidation;

namespace RiskPlatform.Application.Notifications.Commands.DeleteNotificationPreference;

internal sealed class DeleteNotificationPreferenceCommandValidator : AbstractValidator<DeleteNotificationPreferenceCommand>
{
    public DeleteNotificationPreferenceCommandValidator() => RuleFor(c => c.Id).NotEmpty();
}
