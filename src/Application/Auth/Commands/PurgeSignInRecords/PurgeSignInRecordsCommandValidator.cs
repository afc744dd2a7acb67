using FluentValidation;

namespace RiskPlatform.Application.Auth.Commands.PurgeSignInRecords;

internal sealed class PurgeSignInRecordsCommandValidator : AbstractValidator<PurgeSignInRecordsCommand>
{
    public PurgeSignInRecordsCommandValidator()
    {
        RuleFor(c => c.LoginAttemptsRetention).GreaterThanOrEqualTo(PurgeSignInRecordsCommand.MinLoginAttemptsRetention);
        RuleFor(c => c.RefreshTokensRetention).GreaterThanOrEqualTo(TimeSpan.Zero);
    }
}
