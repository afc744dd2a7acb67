using Ardalis.Specification;
using RiskPlatform.Application.Auth.Common;
using RiskPlatform.Domain.Users;

namespace RiskPlatform.Application.Auth.Specifications;

public sealed class UserByIdSpec : Specification<User, UserDto>
{
    public UserByIdSpec(Guid userId) => Query.Where(u => u.Id == userId);
}
