using FluentValidation;
using RiskPlatform.Application.Auth.Common;

namespace RiskPlatform.Application.Auth.Commands.ConfirmTotp;

internal sealed class ConfirmTotpCommandValidator : AbstractValidator<ConfirmTotpCommand>
{
    public ConfirmTotpCommandValidator() => RuleFor(c => c.Code).MustBeTotpCode();
}
