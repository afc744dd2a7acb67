using FluentValidation;
using RiskPlatform.Application.Auth.Common;

namespace RiskPlatform.Application.Auth.Commands.DisableTotp;

internal sealed class DisableTotpCommandValidator : AbstractValidator<DisableTotpCommand>
{
    public DisableTotpCommandValidator()
    {
        RuleFor(c => c.Password).NotEmpty().MaximumLength(128);
        RuleFor(c => c.Code).MustBeTotpOrRecoveryCode();
    }
}
