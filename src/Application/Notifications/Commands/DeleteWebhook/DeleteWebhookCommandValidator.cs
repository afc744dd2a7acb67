using FluentValidation;

namespace RiskPlatform.Application.Notifications.Commands.DeleteWebhook;

internal sealed class DeleteWebhookCommandValidator : AbstractValidator<DeleteWebhookCommand>
{
    public DeleteWebhookCommandValidator() => RuleFor(c => c.Id).NotEmpty();
}
