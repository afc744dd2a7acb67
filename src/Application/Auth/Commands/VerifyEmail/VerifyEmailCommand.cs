using MediatR;
using RiskPlatform.Application.Common.Messaging;

namespace RiskPlatform.Application.Auth.Commands.VerifyEmail;

/// <summary>
/// Confirms the account email the token of a verification link was sent to. Anonymous: the link may be opened where the
/// user is not signed in. A token works once: the account it verified is verified, and a second use is refused.
/// </summary>
public sealed record VerifyEmailCommand(string Token) : ICommand<Unit>, ISensitiveRequest
{
    public override string ToString() => $"{nameof(VerifyEmailCommand)} {{ Token = [redacted] }}";
}
