using FluentValidation;

namespace RiskPlatform.Application.Auth.Commands.Logout;

internal sealed class LogoutCommandValidator : AbstractValidator<LogoutCommand>
{
    public LogoutCommandValidator() => RuleFor(c => c.RefreshToken).NotEmpty().MaximumLength(512);
}
