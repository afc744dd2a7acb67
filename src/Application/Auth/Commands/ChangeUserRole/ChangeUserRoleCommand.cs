using RiskPlatform.Application.Auth.Common;
using RiskPlatform.Application.Common.Messaging;
using RiskPlatform.Domain.Users;

namespace RiskPlatform.Application.Auth.Commands.ChangeUserRole;

/// <summary>
/// An operator sets an account's role (<c>users grant-admin</c> / <c>users revoke-admin</c> on the command line). No HTTP
/// route sends it: nothing a client can prove about itself makes it an admin. The account's open sessions take the new role
/// at their next refresh.
/// </summary>
public sealed record ChangeUserRoleCommand(string Email, UserRole Role) : ICommand<UserDto>;
