namespace RiskPlatform.Domain.Users;

public enum UserRole
{
    User,
    Admin,
}
