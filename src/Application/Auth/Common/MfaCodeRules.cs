using FluentValidation;

namespace RiskPlatform.Application.Auth.Common;

/// <summary>The shapes a second-factor code may take: six digits, or (where allowed) a recovery code <c>xxxxx-xxxxx</c>.</summary>
public static class MfaCodeRules
{
    public static IRuleBuilderOptions<T, string> MustBeTotpCode<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().Must(IsTotpCode).WithMessage("code must be the 6 digits your authenticator app shows.");

    public static IRuleBuilderOptions<T, string> MustBeTotpOrRecoveryCode<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty()
            .Must(code => IsTotpCode(code) || RecoveryCodes.LooksLikeRecoveryCode(code))
            .WithMessage("code must be the 6 digits your authenticator app shows, or one of your recovery codes.");

    public static bool IsTotpCode(string? code) => code is { Length: 6 } && code.All(char.IsAsciiDigit);
}
