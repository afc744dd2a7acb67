using RiskPlatform.Application.Common.Messaging;

namespace RiskPlatform.Application.Auth.Commands.Login;

public sealed record LoginCommand(string Email, string Password) : ICommand<LoginOutcome>, IAnonymousRequest, ISensitiveRequest
{
    public override string ToString() => $"LoginCommand {{ Email = {Email}, Password = *** }}";
}
