using RiskPlatform.Application.Common.Messaging;

namespace RiskPlatform.Application.Auth.Commands.StepUpMfa;

/// <summary>
/// Proves a second factor now (a TOTP or recovery code) for the signed-in user and returns a short-lived proof that
/// sensitive commands (<see cref="IRequiresRecentMfa"/>) accept in the <c>X-MFA-Proof</c> header.
/// </summary>
public sealed record StepUpMfaCommand(string Code) : ICommand<MfaProofResponse>, ISensitiveRequest
{
    public override string ToString() => "StepUpMfaCommand { Code = *** }";
}
