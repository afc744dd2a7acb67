using FluentValidation;

namespace RiskPlatform.Application.Notifications.Commands.RotateWebhookSecret;

internal sealed class RotateWebhookSecretCommandValidator : AbstractValidator<RotateWebhookSecretCommand>
{
    public RotateWebhookSecretCommandValidator() => RuleFor(c => c.Id).NotEmpty();
}
