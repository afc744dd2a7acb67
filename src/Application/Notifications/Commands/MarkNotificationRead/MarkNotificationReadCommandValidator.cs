using FluentValidation;

namespace RiskPlatform.Application.Notifications.Commands.MarkNotificationRead;

internal sealed class MarkNotificationReadCommandValidator : AbstractValidator<MarkNotificationReadCommand>
{
    public MarkNotificationReadCommandValidator() => RuleFor(c => c.Id).NotEmpty();
}
