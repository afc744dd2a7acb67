using RiskPlatform.Domain.Common;

namespace RiskPlatform.Domain.Users;

public sealed class User : AggregateRoot, IAuditedEntity, IConcurrencyAware
{
    private User()
    {
    }

    public string Email { get; private set; } = string.Empty;

    /// <summary>Upper-invariant email, unique: the uniqueness check is the index.</summary>
    public string NormalizedEmail { get; private set; } = string.Empty;

    public string PasswordHash { get; private set; } = string.Empty;

    public string FullName { get; private set; } = string.Empty;

    public UserRole Role { get; private set; } = UserRole.User;

    public bool IsActive { get; private set; } = true;

    public bool IsVerified { get; private set; }

    public DateTime? LastLogin { get; private set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public Guid ConcurrencyStamp { get; set; }

    public static string Normalize(string email) => email.Trim().ToUpperInvariant();

    public static User Register(string email, string fullName, string passwordHash, DateTime now) => new()
    {
        CreatedAt = now,
        UpdatedAt = now,
        Email = email.Trim(),
        NormalizedEmail = Normalize(email),
        FullName = fullName.Trim(),
        PasswordHash = passwordHash,
    };

    public void RecordLogin(DateTime at) => LastLogin = at;

    /// <summary>Records that the owner of <see cref="Email"/> followed a verification link sent to it; true when it changed.</summary>
    public bool MarkEmailVerified()
    {
        if (IsVerified)
        {
            return false;
        }

        IsVerified = true;
        return true;
    }

    /// <summary>Sets the role (operators grant admin through configuration); true when it changed.</summary>
    public bool AssignRole(UserRole role)
    {
        if (Role == role)
        {
            return false;
        }

        Role = role;
        return true;
    }

    public void ChangePasswordHash(string passwordHash) => PasswordHash = passwordHash;
}
