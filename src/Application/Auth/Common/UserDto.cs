using Mapster;
using RiskPlatform.Domain.Users;

namespace RiskPlatform.Application.Auth.Common;

public sealed record UserDto(
    Guid Id,
    string Email,
    string FullName,
    UserRole Role,
    bool IsActive,
    bool IsVerified,
    DateTime CreatedAt,
    DateTime? LastLogin);

internal sealed class UserDtoMapping : IRegister
{
    public void Register(TypeAdapterConfig config) => config.NewConfig<User, UserDto>();
}
