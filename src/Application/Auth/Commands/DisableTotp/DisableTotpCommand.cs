using MediatR;
using RiskPlatform.Application.Common.Messaging;

namespace RiskPlatform.Application.Auth.Commands.DisableTotp;

/// <summary>Turns two-factor sign-in off; needs the password and a current code (or a recovery code).</summary>
public sealed record DisableTotpCommand(string Password, string Code) : ICommand<Unit>, ISensitiveRequest
{
    public override string ToString() => "DisableTotpCommand { Password = ***, Code = *** }";
}
