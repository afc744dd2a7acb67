using FluentValidation;
using RiskPlatform.Application.Auth.Common;

namespace RiskPlatform.Application.Auth.Commands.StepUpMfa;

internal sealed class StepUpMfaCommandValidator : AbstractValidator<StepUpMfaCommand>
{
    public StepUpMfaCommandValidator() => RuleFor(c => c.Code).MustBeTotpOrRecoveryCode();
}
