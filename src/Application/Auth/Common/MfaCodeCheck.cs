using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.Users;

namespace RiskPlatform.Application.Auth.Common;

/// <summary>Spends a second-factor code on an enabled authenticator: a TOTP code once per time step, a recovery code once.</summary>
public sealed class MfaCodeCheck(ITotp totp)
{
    public MfaCodeOutcome Use(TotpAuthenticator authenticator, string code, DateTimeOffset now)
    {
        if (!MfaCodeRules.IsTotpCode(code))
        {
            return authenticator.TryRedeemRecoveryCode(RecoveryCodes.Hash(code)) ? MfaCodeOutcome.RecoveryCodeAccepted : MfaCodeOutcome.Wrong;
        }

        if (totp.MatchTimeStep(authenticator.UserId, authenticator.SealedSecret, code, now) is not { } step)
        {
            return MfaCodeOutcome.Wrong;
        }

        return authenticator.TryUseTimeStep(step) ? MfaCodeOutcome.Accepted : MfaCodeOutcome.Replayed;
    }

    public static string Describe(MfaCodeOutcome outcome) => outcome switch
    {
        MfaCodeOutcome.Accepted => "with an authenticator code",
        MfaCodeOutcome.RecoveryCodeAccepted => "with a recovery code",
        MfaCodeOutcome.Replayed => "an authenticator code already used",
        _ => "a wrong code",
    };
}
