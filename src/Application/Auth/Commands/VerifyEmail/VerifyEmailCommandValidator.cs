using FluentValidation;

namespace RiskPlatform.Application.Auth.Commands.VerifyEmail;

internal sealed class VerifyEmailCommandValidator : AbstractValidator<VerifyEmailCommand>
{
    public VerifyEmailCommandValidator() => RuleFor(c => c.Token).NotEmpty().MaximumLength(256);
}
