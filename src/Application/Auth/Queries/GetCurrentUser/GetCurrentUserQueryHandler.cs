using MediatR;
using RiskPlatform.Application.Auth.Common;
using RiskPlatform.Application.Auth.Specifications;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.Users;

namespace RiskPlatform.Application.Auth.Queries.GetCurrentUser;

internal sealed class GetCurrentUserQueryHandler(IReadRepository<User> users, ICurrentUser currentUser)
    : IRequestHandler<GetCurrentUserQuery, UserDto>
{
    public async Task<UserDto> Handle(GetCurrentUserQuery request, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireUserId();
        return await users.FirstOrDefaultAsync(new UserByIdSpec(userId), cancellationToken)
            ?? throw new NotFoundException("User", userId);
    }
}
