using FluentValidation;
using RiskPlatform.Application.Common.Validation;
using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Application.Notifications.Commands.MarkAllNotificationsRead;

internal sealed class MarkAllNotificationsReadCommandValidator : AbstractValidator<MarkAllNotificationsReadCommand>
{
    public MarkAllNotificationsReadCommandValidator() => RuleFor(c => c.Type).ValidWireEnum<MarkAllNotificationsReadCommand, NotificationType>();
}
