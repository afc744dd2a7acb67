using RiskPlatform.Application.Auth.Common;
using RiskPlatform.Application.Common.Messaging;

namespace RiskPlatform.Application.Auth.Commands.RefreshAccessToken;

public sealed record RefreshAccessTokenCommand(string RefreshToken) : ICommand<TokenResponse>, IAnonymousRequest, ISensitiveRequest
{
    public override string ToString() => $"{nameof(RefreshAccessTokenCommand)} {{ RefreshToken = *** }}";
}
