using RiskPlatform.Domain.ApiKeys.Events;
using RiskPlatform.Domain.Common;

namespace RiskPlatform.Domain.ApiKeys;

/// <summary>
/// A user's broker credential pair, stored only as ciphertext (see <see cref="CredentialCiphertexts"/>), with the
/// metadata and counters the clients show. Plaintext never enters the aggregate: callers seal the credentials through the
/// credential cipher and hand over the ciphertexts and the display hints from <see cref="CredentialHints"/>.
/// All time arguments are UTC "now" from the injected clock.
/// </summary>
public sealed class ApiKey : AggregateRoot, IAuditedEntity, IConcurrencyAware
{
    public const int MaxConsecutiveRejections = 5;

    public static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan ExpiryWarningPeriod = TimeSpan.FromDays(7);

    private ApiKey()
    {
    }

    private ApiKey(Guid id)
        : base(id)
    {
    }

    public Guid UserId { get; private set; }

    public Broker Broker { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public string? Description { get; private set; }

    public string? AccountId { get; private set; }

    /// <summary>The configured base URL; null means <see cref="BrokerEndpoints.DefaultBaseUrl"/> (see <see cref="EffectiveBaseUrl"/>).</summary>
    public string? BaseUrl { get; private set; }

    public bool IsPaperTrading { get; private set; }

    public bool IsDefault { get; private set; }

    /// <summary>The stored status. Read <see cref="EffectiveStatus"/> to show or act on it.</summary>
    public ApiKeyStatus Status { get; private set; }

    public string KeyHint { get; private set; } = CredentialHints.Masked;

    public string SecretHint { get; private set; } = CredentialHints.Masked;

    /// <summary>The sealed API key; null once revoked.</summary>
    public byte[]? EncryptedApiKey { get; private set; }

    /// <summary>The sealed API secret; null once revoked.</summary>
    public byte[]? EncryptedApiSecret { get; private set; }

    /// <summary>The master key version the ciphertexts are sealed under (also inside each blob).</summary>
    public int MasterKeyVersion { get; private set; }

    public long UsageCount { get; private set; }

    public int ErrorCount { get; private set; }

    /// <summary>Broker rejections since the last success; at <see cref="MaxConsecutiveRejections"/> the key is deactivated.</summary>
    public int ConsecutiveRejections { get; private set; }

    /// <summary>The last error, sanitized by <see cref="LastErrorText"/> (at most 500 characters, no token-like runs).</summary>
    public string? LastError { get; private set; }

    public DateTime? LastUsedAt { get; private set; }

    public DateTime? LastVerifiedAt { get; private set; }

    public DateTime? LastRotatedAt { get; private set; }

    public DateTime? ExpiresAt { get; private set; }

    public DateTime? RevokedAt { get; private set; }

    /// <summary>The last expiry notice raised for the current <see cref="ExpiresAt"/>.</summary>
    public ExpiryNotice ExpiryNoticeSent { get; private set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public Guid ConcurrencyStamp { get; set; }

    public string EffectiveBaseUrl => BaseUrl ?? BrokerEndpoints.DefaultBaseUrl(Broker, IsPaperTrading);

    /// <summary>
    /// Creates an active key. <paramref name="id"/> is chosen by the caller (Guid.CreateVersion7()) before sealing,
    /// because the ciphertexts are bound to it. Empty optional strings are stored as null.
    /// </summary>
    public static ApiKey Create(
        Guid id,
        Guid userId,
        Broker broker,
        string name,
        string? description,
        string? accountId,
        string? baseUrl,
        bool isPaperTrading,
        bool isDefault,
        CredentialCiphertexts ciphertexts,
        string keyHint,
        string secretHint,
        DateTime now,
        DateTime? expiresAt = null)
    {
        if (id == Guid.Empty || userId == Guid.Empty)
        {
            throw new DomainException("api_key.invalid_id", "An API key needs an id and an owner.");
        }

        if (!Enum.IsDefined(broker))
        {
            throw new DomainException("api_key.unknown_broker", "The broker is not supported.");
        }

        if (expiresAt is { } expiry && expiry <= now)
        {
            throw new DomainException("api_key.invalid_expiry", "The expiry must be in the future.");
        }

        var apiKey = new ApiKey(id)
        {
            UserId = userId,
            Broker = broker,
            Name = ValidName(name),
            Description = Optional(description, CredentialLimits.DescriptionMaxLength, "description"),
            AccountId = Optional(accountId, CredentialLimits.AccountIdMaxLength, "account_id"),
            BaseUrl = ValidBaseUrl(broker, baseUrl, isPaperTrading),
            IsPaperTrading = isPaperTrading,
            IsDefault = isDefault,
            Status = ApiKeyStatus.Active,
            ExpiresAt = expiresAt,
        };
        apiKey.SetCredentials(ciphertexts, keyHint, secretHint);
        return apiKey;
    }

    /// <summary>The effective status at <paramref name="now"/>: a key past <see cref="ExpiresAt"/> is expired even before the sweep marks it.</summary>
    public ApiKeyStatus EffectiveStatus(DateTime now) => Status switch
    {
        ApiKeyStatus.Revoked => ApiKeyStatus.Revoked,
        _ when Status == ApiKeyStatus.Expired || ExpiresAt <= now => ApiKeyStatus.Expired,
        _ => Status,
    };

    /// <summary>
    /// Partial update: a null argument leaves the field unchanged; an empty string clears description, account id or
    /// base URL. <paramref name="status"/> may only move between active and inactive.
    /// </summary>
    public void UpdateMetadata(
        string? name,
        string? description,
        string? accountId,
        string? baseUrl,
        bool? isPaperTrading,
        ApiKeyStatus? status,
        DateTime now)
    {
        EnsureNotRevoked();

        if (status is { } requested)
        {
            if (requested is not (ApiKeyStatus.Active or ApiKeyStatus.Inactive))
            {
                throw new DomainException(
                    "api_key.invalid_status_transition",
                    "The status can only be set to active or inactive; revoke a key by deleting it.");
            }

            if (EffectiveStatus(now) == ApiKeyStatus.Expired)
            {
                throw new ConflictException("api_key.expired", "An expired API key cannot change status; create a new key.");
            }
        }

        var newName = name is null ? Name : ValidName(name);
        var newDescription = description is null ? Description : Optional(description, CredentialLimits.DescriptionMaxLength, "description");
        var newAccountId = accountId is null ? AccountId : Optional(accountId, CredentialLimits.AccountIdMaxLength, "account_id");
        var newIsPaperTrading = isPaperTrading ?? IsPaperTrading;
        var newBaseUrl = ValidBaseUrl(Broker, baseUrl ?? BaseUrl, newIsPaperTrading);

        Name = newName;
        Description = newDescription;
        AccountId = newAccountId;
        BaseUrl = newBaseUrl;
        IsPaperTrading = newIsPaperTrading;

        if (status == ApiKeyStatus.Active && Status != ApiKeyStatus.Active)
        {
            Status = ApiKeyStatus.Active;
            ConsecutiveRejections = 0;
        }
        else if (status == ApiKeyStatus.Inactive)
        {
            Status = ApiKeyStatus.Inactive;
        }
    }

    /// <summary>Makes this key its user's default for its broker. The handler clears the previous default (<see cref="ClearDefault"/>).</summary>
    public void SetDefault(DateTime now)
    {
        EnsureNotRevoked();
        EnsureNotExpired(now);
        IsDefault = true;
    }

    public void ClearDefault() => IsDefault = false;

    /// <summary>Replaces both credentials, keeping the id. Resets the error counters. Refused for revoked or expired keys.</summary>
    public void Rotate(CredentialCiphertexts newCiphertexts, string keyHint, string secretHint, DateTime now)
    {
        EnsureNotRevoked();
        EnsureNotExpired(now);
        SetCredentials(newCiphertexts, keyHint, secretHint);
        LastRotatedAt = now;
        ErrorCount = 0;
        ConsecutiveRejections = 0;
        LastError = null;
    }

    /// <summary>
    /// Re-seals the same credentials under another master key version (rewrap): hints, counters and
    /// <see cref="LastRotatedAt"/> stay. Refused for revoked keys, which hold no ciphertext.
    /// </summary>
    public void ReplaceCiphertexts(CredentialCiphertexts newCiphertexts)
    {
        EnsureNotRevoked();
        SetCiphertexts(newCiphertexts);
    }

    /// <summary>The stored ciphertexts, for decryption or rewrap. Refused for revoked keys.</summary>
    public CredentialCiphertexts GetCiphertexts()
    {
        EnsureNotRevoked();
        return new CredentialCiphertexts(EncryptedApiKey!, EncryptedApiSecret!, MasterKeyVersion);
    }

    /// <summary>Soft delete: the row stays, the ciphertexts are erased. Revoking a revoked key changes nothing.</summary>
    public void Revoke(DateTime now)
    {
        if (Status == ApiKeyStatus.Revoked)
        {
            return;
        }

        Status = ApiKeyStatus.Revoked;
        RevokedAt = now;
        IsDefault = false;
        if (EncryptedApiKey is not null)
        {
            Array.Clear(EncryptedApiKey);
        }

        if (EncryptedApiSecret is not null)
        {
            Array.Clear(EncryptedApiSecret);
        }

        EncryptedApiKey = null;
        EncryptedApiSecret = null;
    }

    /// <summary>
    /// Records a verification. An accepted key counts as a use (<see cref="UsageCount"/>, and <see cref="LastUsedAt"/> under
    /// the same at-most-once-a-minute rule as <see cref="RecordUse"/>). <paramref name="integrityOk"/> false (the ciphertext failed authentication) deactivates
    /// the key. A broker rejection counts toward <see cref="MaxConsecutiveRejections"/>; an unreachable broker counts as an
    /// error but not as a rejection. <paramref name="message"/> must not contain a credential; it is sanitized anyway.
    /// </summary>
    public void RecordVerification(VerificationOutcome outcome, bool integrityOk, string? message, DateTime now)
    {
        EnsureNotRevoked();
        EnsureNotExpired(now);
        LastVerifiedAt = now;

        if (!integrityOk)
        {
            ErrorCount++;
            Deactivate("The stored credentials failed the integrity check; rotate the key.", now);
            return;
        }

        switch (outcome)
        {
            case VerificationOutcome.Ok:
                UsageCount++;
                ConsecutiveRejections = 0;
                LastError = null;
                TouchLastUsed(now);
                break;
            case VerificationOutcome.Rejected:
                RegisterRejection(message ?? "The broker rejected the credentials.", now);
                break;
            case VerificationOutcome.Unreachable:
                ErrorCount++;
                LastError = LastErrorText.Sanitize(message ?? "The broker could not be reached.");
                break;
            case VerificationOutcome.Unsupported:
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Unknown verification outcome.");
        }
    }

    /// <summary>
    /// Records a successful use. <see cref="UsageCount"/> always increments; <see cref="LastUsedAt"/> moves only when it
    /// is at least <see cref="LastUsedResolution"/> old, so busy keys are not rewritten on every call.
    /// Refused unless the key is effectively active.
    /// </summary>
    public void RecordUse(DateTime now)
    {
        EnsureUsable(now);
        UsageCount++;
        ConsecutiveRejections = 0;
        TouchLastUsed(now);
    }

    /// <summary>Moves <see cref="LastUsedAt"/> to <paramref name="now"/> unless it was set less than <see cref="LastUsedResolution"/> ago.</summary>
    private void TouchLastUsed(DateTime now)
    {
        if (LastUsedAt is not { } lastUsed || now - lastUsed >= LastUsedResolution)
        {
            LastUsedAt = now;
        }
    }

    /// <summary>
    /// Records a failed use. With <paramref name="brokerRejected"/> the failure counts toward
    /// <see cref="MaxConsecutiveRejections"/>. <paramref name="message"/> is sanitized and truncated.
    /// </summary>
    public void RecordError(string message, bool brokerRejected, DateTime now)
    {
        EnsureNotRevoked();
        if (brokerRejected)
        {
            RegisterRejection(message, now);
            return;
        }

        ErrorCount++;
        LastError = LastErrorText.Sanitize(message);
    }

    /// <summary>Sets or clears the expiry; a new expiry starts its notices afresh. Refused for revoked or expired keys.</summary>
    public void SetExpiry(DateTime? expiresAt, DateTime now)
    {
        EnsureNotRevoked();
        EnsureNotExpired(now);
        if (expiresAt is { } expiry && expiry <= now)
        {
            throw new DomainException("api_key.invalid_expiry", "The expiry must be in the future.");
        }

        ExpiresAt = expiresAt;
        ExpiryNoticeSent = ExpiryNotice.None;
    }

    /// <summary>The sweep's step: stores <see cref="ApiKeyStatus.Expired"/> for an active or inactive key past its expiry. True when it changed.</summary>
    public bool MarkExpiredIfDue(DateTime now)
    {
        if (Status is not (ApiKeyStatus.Active or ApiKeyStatus.Inactive) || !(ExpiresAt <= now))
        {
            return false;
        }

        Status = ApiKeyStatus.Expired;
        return true;
    }

    /// <summary>The expiry notice due at <paramref name="now"/> that has not been sent yet, or <see cref="ExpiryNotice.None"/>.</summary>
    public ExpiryNotice DueExpiryNotice(DateTime now)
    {
        if (Status == ApiKeyStatus.Revoked || ExpiresAt is not { } expiresAt)
        {
            return ExpiryNotice.None;
        }

        var due = expiresAt <= now ? ExpiryNotice.Expired
            : expiresAt - now <= ExpiryWarningPeriod ? ExpiryNotice.ExpiresSoon
            : ExpiryNotice.None;
        return due > ExpiryNoticeSent ? due : ExpiryNotice.None;
    }

    /// <summary>
    /// The sweep's other step: raises <see cref="ApiKeyExpiring"/> for the due notice and remembers it, so each notice is
    /// raised once. Returns the notice raised, or <see cref="ExpiryNotice.None"/>.
    /// </summary>
    public ExpiryNotice NotifyExpiryIfDue(DateTime now)
    {
        var due = DueExpiryNotice(now);
        if (due == ExpiryNotice.None)
        {
            return due;
        }

        ExpiryNoticeSent = due;
        Raise(new ApiKeyExpiring(Id, UserId, Broker, Name, ExpiresAt!.Value, due, now));
        return due;
    }

    private void RegisterRejection(string reason, DateTime now)
    {
        ErrorCount++;
        ConsecutiveRejections++;
        LastError = LastErrorText.Sanitize(reason);
        if (ConsecutiveRejections >= MaxConsecutiveRejections && Status == ApiKeyStatus.Active)
        {
            Deactivate($"Deactivated after {ConsecutiveRejections} consecutive broker rejections: {reason}", now);
        }
    }

    private void Deactivate(string reason, DateTime now)
    {
        LastError = LastErrorText.Sanitize(reason);
        if (Status != ApiKeyStatus.Active)
        {
            return;
        }

        Status = ApiKeyStatus.Inactive;
        IsDefault = false;
        Raise(new ApiKeyFailed(Id, UserId, Broker, Name, LastError ?? reason, ConsecutiveRejections, now));
    }

    private void SetCredentials(CredentialCiphertexts ciphertexts, string keyHint, string secretHint)
    {
        if (string.IsNullOrWhiteSpace(keyHint) || keyHint.Length > 16 || string.IsNullOrWhiteSpace(secretHint) || secretHint.Length > 16)
        {
            throw new DomainException("api_key.invalid_hint", "Credential hints must come from CredentialHints.");
        }

        SetCiphertexts(ciphertexts);
        KeyHint = keyHint;
        SecretHint = secretHint;
    }

    private void SetCiphertexts(CredentialCiphertexts ciphertexts)
    {
        if (ciphertexts.ApiKey is not { Length: > 0 } || ciphertexts.ApiSecret is not { Length: > 0 } || ciphertexts.MasterKeyVersion <= 0)
        {
            throw new DomainException("api_key.missing_ciphertext", "Both credentials must be sealed under a master key version.");
        }

        EncryptedApiKey = ciphertexts.ApiKey;
        EncryptedApiSecret = ciphertexts.ApiSecret;
        MasterKeyVersion = ciphertexts.MasterKeyVersion;
    }

    private void EnsureNotRevoked()
    {
        if (Status == ApiKeyStatus.Revoked)
        {
            throw new ConflictException("api_key.revoked", "The API key is revoked.");
        }
    }

    private void EnsureNotExpired(DateTime now)
    {
        if (EffectiveStatus(now) == ApiKeyStatus.Expired)
        {
            throw new ConflictException("api_key.expired", "The API key has expired.");
        }
    }

    private void EnsureUsable(DateTime now)
    {
        EnsureNotRevoked();
        EnsureNotExpired(now);
        if (Status != ApiKeyStatus.Active)
        {
            throw new ConflictException("api_key.inactive", "The API key is inactive.");
        }
    }

    private static string ValidName(string name)
    {
        var trimmed = name.Trim();
        if (trimmed.Length is 0 or > CredentialLimits.NameMaxLength)
        {
            throw new DomainException("api_key.invalid_name", $"The name must be 1 to {CredentialLimits.NameMaxLength} characters.");
        }

        return trimmed;
    }

    private static string? Optional(string? value, int maxLength, string field)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        return trimmed.Length <= maxLength
            ? trimmed
            : throw new DomainException($"api_key.invalid_{field}", $"The {field} must be at most {maxLength} characters.");
    }

    private static string? ValidBaseUrl(Broker broker, string? baseUrl, bool isPaperTrading)
    {
        var trimmed = baseUrl?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        return BrokerEndpoints.IsAllowed(broker, trimmed, isPaperTrading)
            ? trimmed.TrimEnd('/')
            : throw new DomainException(
                "api_key.base_url_not_allowed",
                $"The base URL of a {(isPaperTrading ? "paper" : "live")} key must be https on one of the official {broker} API hosts for it: "
                + $"{string.Join(", ", BrokerEndpoints.AllowedHosts(broker, isPaperTrading))}.");
    }
}
