using FluentValidation;

namespace RiskPlatform.Application.Auth.Commands.RefreshAccessToken;

internal sealed class RefreshAccessTokenCommandValidator : AbstractValidator<RefreshAccessTokenCommand>
{
    public RefreshAccessTokenCommandValidator() => RuleFor(c => c.RefreshToken).NotEmpty().MaximumLength(512);
}
