using RiskPlatform.Application.Auth.Common;
using RiskPlatform.Application.Common.Messaging;

namespace RiskPlatform.Application.Auth.Commands.Register;

public sealed record RegisterCommand(string Email, string Password, string FullName)
    : ICommand<UserDto>, IAnonymousRequest, ISensitiveRequest
{
    public override string ToString() => $"{nameof(RegisterCommand)} {{ Email = {Email}, Password = ***, FullName = {FullName} }}";
}
