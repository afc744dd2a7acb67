using RiskPlatform.Application.Auth.Common;
using RiskPlatform.Application.Common.Messaging;

namespace RiskPlatform.Application.Auth.Commands.VerifyMfa;

/// <summary>The second step of a sign-in: the challenge a right password earned, and a TOTP or recovery code.</summary>
public sealed record VerifyMfaCommand(string ChallengeToken, string Code) : ICommand<TokenResponse>, IAnonymousRequest, ISensitiveRequest
{
    public override string ToString() => "VerifyMfaCommand { ChallengeToken = ***, Code = *** }";
}
