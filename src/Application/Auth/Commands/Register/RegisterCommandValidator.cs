using FluentValidation;
using Microsoft.Extensions.Options;
using RiskPlatform.Application.Auth.Common;
using RiskPlatform.Application.Common.Interfaces;

namespace RiskPlatform.Application.Auth.Commands.Register;

internal sealed class RegisterCommandValidator : AbstractValidator<RegisterCommand>
{
    public RegisterCommandValidator(IOptions<AccountOptions> options, ICommonPasswords commonPasswords)
    {
        RuleFor(c => c.Email).NotEmpty().MaximumLength(254).EmailAddress();
        RuleFor(c => c.FullName).NotEmpty().MaximumLength(255);
        RuleFor(c => c.Password)
            .NotEmpty()
            .Length(options.Value.PasswordMinLength, 128)
            .Must(p => !commonPasswords.Contains(p)).WithMessage("This password is too common; choose another.");
    }
}
