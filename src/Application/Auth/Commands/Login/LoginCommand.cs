using RiskPlatform.Application.Auth.Common;
using RiskPlatform.Application.Common.Messaging;

namespace RiskPlatform.Application.Auth.Commands.Login;

public sealed record LoginCommand(string Email, string Password) : ICommand<TokenResponse>, IAnonymousRequest, ISensitiveRequest;
