using RiskPlatform.Application.Common.Messaging;

namespace RiskPlatform.Application.Auth.Commands.ConfirmTotp;

/// <summary>Proves the enrolled secret with a current code; enables two-factor sign-in and returns the recovery codes once.</summary>
public sealed record ConfirmTotpCommand(string Code) : ICommand<RecoveryCodesResponse>, ISensitiveRequest
{
    public override string ToString() => "ConfirmTotpCommand { Code = *** }";
}
