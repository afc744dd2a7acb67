using Ardalis.Specification;
using RiskPlatform.Domain.Users;

namespace RiskPlatform.Application.Auth.Specifications;

/// <summary>The user aggregate itself, to change it (<see cref="UserByIdSpec"/> projects to the DTO).</summary>
public sealed class TrackedUserByIdSpec : Specification<User>
{
    public TrackedUserByIdSpec(Guid userId) => Query.Where(u => u.Id == userId);
}
