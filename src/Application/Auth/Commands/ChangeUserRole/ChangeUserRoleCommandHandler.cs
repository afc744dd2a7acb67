using Mapster;
using MediatR;
using RiskPlatform.Application.Auth.Common;
using RiskPlatform.Application.Auth.Specifications;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.Users;

namespace RiskPlatform.Application.Auth.Commands.ChangeUserRole;

internal sealed class ChangeUserRoleCommandHandler(
    IRepository<User> users,
    AuditScope audit,
    TypeAdapterConfig mapping) : IRequestHandler<ChangeUserRoleCommand, UserDto>
{
    public async Task<UserDto> Handle(ChangeUserRoleCommand request, CancellationToken cancellationToken)
    {
        var user = await users.FirstOrDefaultAsync(new UserByEmailSpec(request.Email), cancellationToken)
            ?? throw new NotFoundException("user", User.Normalize(request.Email));

        var role = request.Role.ToString().ToLowerInvariant();
        var changed = user.AssignRole(request.Role);
        audit.Target("user", user.Id)
            .Describe(changed ? $"Operator set the role to {role}" : $"Operator set the role to {role}; it already was");

        return user.Adapt<UserDto>(mapping);
    }
}
