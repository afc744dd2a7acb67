using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using RiskPlatform.Domain.Common;

namespace RiskPlatform.Domain.Notifications.Contacts;

/// <summary>
/// An email address or phone number a user asked to receive notifications at, and whether they proved it is theirs: a
/// single-use 6-digit code is sent to it (<see cref="IssueCode"/>) and typed back (<see cref="Confirm"/>). Until then the
/// email and sms channels do not send to it (<c>unverified_contact</c>). The code is kept only as a hash bound to this row,
/// expires after <see cref="CodeLifetime"/>, and is burned after <see cref="MaxAttemptsPerCode"/> wrong guesses; sends are
/// spaced by <see cref="ResendInterval"/> and at most <see cref="MaxSendsPerDay"/> a day. One row per user × channel ×
/// address (<see cref="Address"/> normalized: email lower-cased, phone in E.164).
/// </summary>
public sealed class ContactPoint : AggregateRoot, IAuditedEntity, IConcurrencyAware
{
    public const int AddressMaxLength = 320;
    public const int CodeHashLength = 64;
    public const int CodeLength = 6;
    public const int MaxAttemptsPerCode = 5;
    public const int MaxSendsPerDay = 5;

    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan ResendInterval = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan SendWindow = TimeSpan.FromDays(1);

    private ContactPoint()
    {
    }

    public Guid UserId { get; private set; }

    /// <summary><see cref="NotificationChannel.Email"/> or <see cref="NotificationChannel.Sms"/>.</summary>
    public NotificationChannel Channel { get; private set; }

    public string Address { get; private set; } = string.Empty;

    public DateTime? VerifiedAt { get; private set; }

    /// <summary>Hex SHA-256 of the row id and the current code; null when no code is outstanding.</summary>
    public string? CodeHash { get; private set; }

    public DateTime? CodeExpiresAt { get; private set; }

    /// <summary>Wrong guesses at the current code.</summary>
    public int FailedAttempts { get; private set; }

    /// <summary>Codes sent since <see cref="SendWindowStartedAt"/>.</summary>
    public int SendsInWindow { get; private set; }

    public DateTime? SendWindowStartedAt { get; private set; }

    public DateTime? LastSentAt { get; private set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public Guid ConcurrencyStamp { get; set; }

    public bool IsVerified => VerifiedAt is not null;

    /// <summary>The key of a verified address in <c>DispatchContext.VerifiedContacts</c>: channel and normalized address.</summary>
    public string Key => KeyOf(Channel, Address);

    public int AttemptsLeft => Math.Max(0, MaxAttemptsPerCode - FailedAttempts);

    public static ContactPoint Create(Guid userId, NotificationChannel channel, string? address, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        UserId = userId,
        Channel = channel,
        Address = Normalize(channel, address)
            ?? throw new DomainException(Errors.AddressInvalid, channel == NotificationChannel.Sms
                ? "address must be an international (E.164) phone number such as +44 20 7946 0958."
                : "address must be a single email address."),
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <summary>
    /// The form an address is stored and compared in: an email trimmed and lower-cased, a phone number in E.164; null when
    /// it is not a valid address for the channel (or the channel has no verified addresses).
    /// </summary>
    public static string? Normalize(NotificationChannel channel, string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return null;
        }

        switch (channel)
        {
            case NotificationChannel.Sms:
                return PhoneNumber.TryNormalize(address);
            case NotificationChannel.Email:
                var trimmed = address.Trim();
                var at = trimmed.IndexOf('@', StringComparison.Ordinal);
                return trimmed.Length <= AddressMaxLength && at > 0 && at == trimmed.LastIndexOf('@') && at < trimmed.Length - 1
                    && !trimmed.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))
                    ? trimmed.ToLowerInvariant()
                    : null;
            default:
                return null;
        }
    }

    public static string KeyOf(NotificationChannel channel, string normalizedAddress) =>
        string.Create(CultureInfo.InvariantCulture, $"{channel}:{normalizedAddress}");

    /// <summary>How long until another code may be sent, or null when one may be sent now.</summary>
    public TimeSpan? SendBlockedFor(DateTime now)
    {
        if (LastSentAt is { } last && now - last < ResendInterval)
        {
            return ResendInterval - (now - last);
        }

        if (SendWindowStartedAt is { } started && now - started < SendWindow && SendsInWindow >= MaxSendsPerDay)
        {
            return SendWindow - (now - started);
        }

        return null;
    }

    /// <summary>Replaces any outstanding code with <paramref name="code"/> (kept hashed), counting the send.</summary>
    public void IssueCode(string code, DateTime now)
    {
        if (IsVerified)
        {
            throw new ConflictException(Errors.AlreadyVerified, "The address is already verified.");
        }

        if (SendBlockedFor(now) is { } wait)
        {
            throw new DomainException(Errors.TooManyCodes, string.Create(CultureInfo.InvariantCulture, $"Another code can be sent in {Math.Ceiling(wait.TotalSeconds)} s."));
        }

        EnsureCodeShape(code);
        if (SendWindowStartedAt is not { } started || now - started >= SendWindow)
        {
            SendWindowStartedAt = now;
            SendsInWindow = 0;
        }

        SendsInWindow++;
        LastSentAt = now;
        CodeHash = Hash(code);
        CodeExpiresAt = now + CodeLifetime;
        FailedAttempts = 0;
    }

    /// <summary>Checks a code typed back. A wrong code counts against the code; the last allowed wrong guess burns it.</summary>
    public ContactConfirmOutcome Confirm(string? code, DateTime now)
    {
        if (IsVerified)
        {
            return ContactConfirmOutcome.AlreadyVerified;
        }

        if (CodeHash is null)
        {
            return ContactConfirmOutcome.NoCode;
        }

        if (CodeExpiresAt is not { } expires || now >= expires)
        {
            ClearCode();
            return ContactConfirmOutcome.Expired;
        }

        var offered = Encoding.ASCII.GetBytes(Hash(code?.Trim() ?? string.Empty));
        if (!CryptographicOperations.FixedTimeEquals(offered, Encoding.ASCII.GetBytes(CodeHash)))
        {
            FailedAttempts++;
            if (FailedAttempts < MaxAttemptsPerCode)
            {
                return ContactConfirmOutcome.Wrong;
            }

            ClearCode();
            return ContactConfirmOutcome.TooManyAttempts;
        }

        VerifiedAt = now;
        ClearCode();
        return ContactConfirmOutcome.Verified;
    }

    private void ClearCode()
    {
        CodeHash = null;
        CodeExpiresAt = null;
    }

    private string Hash(string code) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{Id:N}:{code}"))));

    private static void EnsureCodeShape(string code)
    {
        if (code is not { Length: CodeLength } || !code.All(char.IsAsciiDigit))
        {
            throw new ArgumentException($"A code is {CodeLength} digits.", nameof(code));
        }
    }

    /// <summary>Stable <see cref="DomainException.Code"/> values.</summary>
    public static class Errors
    {
        public const string AddressInvalid = "contact_verification.address_invalid";
        public const string AlreadyVerified = "contact_verification.already_verified";
        public const string TooManyCodes = "contact_verification.too_many_codes";
    }
}

public enum ContactConfirmOutcome
{
    Verified,
    AlreadyVerified,
    Wrong,
    TooManyAttempts,
    Expired,
    NoCode,
}
