using MediatR;
using RiskPlatform.Application.Common.Messaging;

namespace RiskPlatform.Application.Auth.Commands.Logout;

/// <summary>Revokes the refresh token's whole family (this sign-in on this device). Access tokens expire on their own within 15 minutes.</summary>
public sealed record LogoutCommand(string RefreshToken) : ICommand<Unit>, ISensitiveRequest
{
    public override string ToString() => $"{nameof(LogoutCommand)} {{ RefreshToken = *** }}";
}
