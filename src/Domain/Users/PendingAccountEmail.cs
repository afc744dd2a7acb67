using RiskPlatform.Domain.Common;

namespace RiskPlatform.Domain.Users;

/// <summary>
/// An email the service owes an account (today: the verification link), stored in the same transaction as the change that
/// asked for it, so a restart loses none. It holds what to send, not the message: the link's token is made when it is sent,
/// so no valid token sits in the table. Deleted once sent or given up.
/// </summary>
public sealed class PendingAccountEmail : AggregateRoot, IConcurrencyAware
{
    /// <summary>Attempts before a mail the server keeps refusing for a passing reason is given up.</summary>
    public const int MaxAttempts = 8;

    private PendingAccountEmail()
    {
    }

    public Guid UserId { get; private set; }

    public AccountEmailKind Kind { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public int Attempts { get; private set; }

    /// <summary>When a sender may take it next; a sender that takes it pushes this by its lease first.</summary>
    public DateTime NextAttemptAt { get; private set; }

    public Guid ConcurrencyStamp { get; set; }

    public bool IsExhausted => Attempts >= MaxAttempts;

    public static PendingAccountEmail Verification(Guid userId, DateTime now) => new()
    {
        UserId = userId,
        Kind = AccountEmailKind.Verification,
        CreatedAt = now,
        NextAttemptAt = now,
    };

    public bool IsDue(DateTime now) => NextAttemptAt <= now;

    /// <summary>Takes it for one sender for <paramref name="lease"/>: no other sender sees it due meanwhile.</summary>
    public void Claim(DateTime now, TimeSpan lease) => NextAttemptAt = now + lease;

    /// <summary>A passing failure: try again after 5 s, 10 s, 20 s … at most 10 minutes.</summary>
    public void RecordFailedAttempt(DateTime now)
    {
        Attempts++;
        NextAttemptAt = now + TimeSpan.FromSeconds(Math.Min(600, 5 * Math.Pow(2, Attempts - 1)));
    }
}
