using FluentValidation;
using RiskPlatform.Application.Auth.Common;

namespace RiskPlatform.Application.Auth.Commands.VerifyMfa;

internal sealed class VerifyMfaCommandValidator : AbstractValidator<VerifyMfaCommand>
{
    public VerifyMfaCommandValidator()
    {
        RuleFor(c => c.ChallengeToken).NotEmpty().MaximumLength(512);
        RuleFor(c => c.Code).MustBeTotpOrRecoveryCode();
    }
}
