using RiskPlatform.Domain.Common;

namespace RiskPlatform.Domain.Users;

/// <summary>A failed sign-in, kept to throttle guessing per email and per IP address.</summary>
public sealed class LoginAttempt : AggregateRoot
{
    private LoginAttempt()
    {
    }

    public string NormalizedEmail { get; private set; } = string.Empty;

    public string? IpAddress { get; private set; }

    public DateTime AttemptedAt { get; private set; }

    public static LoginAttempt Failed(string normalizedEmail, string? ipAddress, DateTime at) => new()
    {
        NormalizedEmail = normalizedEmail,
        IpAddress = ipAddress,
        AttemptedAt = at,
    };
}
