using RiskPlatform.Domain.Common;

namespace RiskPlatform.Domain.Users;

/// <summary>
/// A user's TOTP second factor (RFC 6238). Set up with a secret sealed by the vault, enabled once the user proves it with a
/// code; from then on sign-in needs a code or a recovery code. Each accepted time step, and each recovery code, works once:
/// the aggregate is one row with a concurrency stamp, so two requests racing with the same code cannot both succeed.
/// </summary>
public sealed class TotpAuthenticator : AggregateRoot, IAuditedEntity, IConcurrencyAware
{
    public const int RecoveryCodeHashLength = 64;

    public const int RecoveryCodeCount = 10;

    private const char HashSeparator = ' ';

    private TotpAuthenticator()
    {
    }

    public Guid UserId { get; private set; }

    /// <summary>The TOTP secret sealed by the vault (AES-GCM, bound to the user); never the secret itself.</summary>
    public byte[] SealedSecret { get; private set; } = [];

    /// <summary>Set when the user proved the secret with a code: from then on sign-in needs a second step.</summary>
    public DateTime? ConfirmedAt { get; private set; }

    /// <summary>The last time step whose code was accepted; that step and earlier ones are refused (no replay).</summary>
    public long? LastUsedTimeStep { get; private set; }

    /// <summary>SHA-256 hashes (hex) of the unused recovery codes, space-separated.</summary>
    public string RecoveryCodeHashes { get; private set; } = string.Empty;

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public Guid ConcurrencyStamp { get; set; }

    public bool IsEnabled => ConfirmedAt is not null;

    public int RecoveryCodesLeft => UnusedHashes().Count;

    public static TotpAuthenticator Begin(Guid userId, byte[] sealedSecret) => new()
    {
        UserId = userId,
        SealedSecret = sealedSecret,
    };

    /// <summary>Starts over with a new secret; only while not yet enabled.</summary>
    public void Restart(byte[] sealedSecret)
    {
        ThrowIfEnabled();
        SealedSecret = sealedSecret;
        LastUsedTimeStep = null;
    }

    /// <summary>Keeps the same secret sealed anew (under the vault's active master key, by <c>keys rewrap</c>); nothing else changes.</summary>
    public void ReplaceSealedSecret(byte[] sealedSecret)
    {
        if (sealedSecret is not { Length: > 0 })
        {
            throw new DomainException("mfa.secret_missing", "A TOTP authenticator needs its sealed secret.");
        }

        SealedSecret = sealedSecret;
    }

    /// <summary>Enables the factor: the code of <paramref name="timeStep"/> proved the secret, and the recovery codes are issued.</summary>
    public void Confirm(long timeStep, IReadOnlyCollection<string> recoveryCodeHashes, DateTime now)
    {
        ThrowIfEnabled();
        if (recoveryCodeHashes.Count == 0 || recoveryCodeHashes.Any(h => h.Length != RecoveryCodeHashLength || h.Contains(HashSeparator, StringComparison.Ordinal)))
        {
            throw new DomainException("mfa.recovery_codes_invalid", "Recovery codes are stored as SHA-256 hex hashes.");
        }

        LastUsedTimeStep = timeStep;
        RecoveryCodeHashes = string.Join(HashSeparator, recoveryCodeHashes);
        ConfirmedAt = now;
    }

    /// <summary>Accepts a code of <paramref name="timeStep"/> unless a code of that step or a later one was already used.</summary>
    public bool TryUseTimeStep(long timeStep)
    {
        if (LastUsedTimeStep is { } last && timeStep <= last)
        {
            return false;
        }

        LastUsedTimeStep = timeStep;
        return true;
    }

    /// <summary>Spends the recovery code with this hash; false when it is not one of the unused codes.</summary>
    public bool TryRedeemRecoveryCode(string codeHash)
    {
        var hashes = UnusedHashes();
        if (!hashes.Remove(codeHash))
        {
            return false;
        }

        RecoveryCodeHashes = string.Join(HashSeparator, hashes);
        return true;
    }

    private List<string> UnusedHashes() =>
        [.. RecoveryCodeHashes.Split(HashSeparator, StringSplitOptions.RemoveEmptyEntries)];

    private void ThrowIfEnabled()
    {
        if (IsEnabled)
        {
            throw new ConflictException("mfa.already_enabled", "Two-factor sign-in is already enabled; disable it first.");
        }
    }
}
