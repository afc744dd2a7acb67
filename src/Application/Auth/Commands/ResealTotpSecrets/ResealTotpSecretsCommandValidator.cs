using FluentValidation;

namespace RiskPlatform.Application.Auth.Commands.ResealTotpSecrets;

internal sealed class ResealTotpSecretsCommandValidator : AbstractValidator<ResealTotpSecretsCommand>
{
    public ResealTotpSecretsCommandValidator()
    {
        RuleFor(c => c.BatchSize).InclusiveBetween(1, 1000);
    }
}
