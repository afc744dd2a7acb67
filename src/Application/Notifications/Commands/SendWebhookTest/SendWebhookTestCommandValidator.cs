using FluentValidation;

namespace RiskPlatform.Application.Notifications.Commands.SendWebhookTest;

internal sealed class SendWebhookTestCommandValidator : AbstractValidator<SendWebhookTestCommand>
{
    public SendWebhookTestCommandValidator() => RuleFor(c => c.Id).NotEmpty();
}
