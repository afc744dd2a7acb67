using FluentValidation;

namespace RiskPlatform.Application.Notifications.Commands.DeleteNotification;

internal sealed class DeleteNotificationCommandValidator : AbstractValidator<DeleteNotificationCommand>
{
    public DeleteNotificationCommandValidator() => RuleFor(c => c.Id).NotEmpty();
}
