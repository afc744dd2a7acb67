using MediatR;
using RiskPlatform.Application.Common.Messaging;

namespace RiskPlatform.Application.Auth.Commands.LogoutAll;

/// <summary>
/// Ends every sign-in of the current user: all their refresh-token families are revoked, and their real-time connections on
/// this node are closed. Access tokens already issued expire on their own within <c>Jwt:AccessTokenMinutes</c>.
/// </summary>
public sealed record LogoutAllCommand : ICommand<Unit>, IRequiresRecentMfa;
