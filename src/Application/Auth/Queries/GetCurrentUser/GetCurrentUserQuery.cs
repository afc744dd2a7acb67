using RiskPlatform.Application.Auth.Common;
using RiskPlatform.Application.Common.Messaging;

namespace RiskPlatform.Application.Auth.Queries.GetCurrentUser;

public sealed record GetCurrentUserQuery : IQuery<UserDto>;
