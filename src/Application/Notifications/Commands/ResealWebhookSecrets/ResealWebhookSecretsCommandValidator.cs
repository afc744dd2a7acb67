using FluentValidation;

namespace RiskPlatform.Application.Notifications.Commands.ResealWebhookSecrets;

internal sealed class ResealWebhookSecretsCommandValidator : AbstractValidator<ResealWebhookSecretsCommand>
{
    public ResealWebhookSecretsCommandValidator()
    {
        RuleFor(c => c.BatchSize).InclusiveBetween(1, 1000);
    }
}
