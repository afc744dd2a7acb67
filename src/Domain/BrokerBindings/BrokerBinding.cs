using RiskPlatform.Domain.ApiKeys;
using RiskPlatform.Domain.Common;

namespace RiskPlatform.Domain.BrokerBindings;

/// <summary>
/// Which broker backs one user's risk checks, orders, metrics and monitor: the paper broker, or a real broker reached with one
/// of the user's vault API keys (Alpaca only for now). One per user; a user without one trades on paper.
/// <see cref="Status"/> says whether the bound broker currently answers; it is kept by the broker adapter (a rejected or unusable
/// key, or a broker that stays unreachable, makes it <see cref="BrokerBindingStatus.BrokerUnavailable"/>; the next call that
/// works makes it active again).
/// </summary>
public sealed class BrokerBinding : AggregateRoot, IAuditedEntity, IConcurrencyAware
{
    public const int ReasonMaxLength = 500;

    private BrokerBinding()
    {
    }

    private BrokerBinding(Guid id)
        : base(id)
    {
    }

    public Guid UserId { get; private set; }

    public BrokerSource Source { get; private set; }

    /// <summary>The bound vault key (null on paper).</summary>
    public Guid? ApiKeyId { get; private set; }

    /// <summary>The bound key's broker (null on paper).</summary>
    public Broker? Broker { get; private set; }

    /// <summary>True on paper, otherwise the bound key's is_paper_trading when it was bound.</summary>
    public bool IsPaperTrading { get; private set; }

    public BrokerBindingStatus Status { get; private set; }

    /// <summary>Why the broker is unavailable (null while active). Never holds a credential.</summary>
    public string? Reason { get; private set; }

    /// <summary>When <see cref="Status"/> last changed (or the binding was last set).</summary>
    public DateTime StatusSince { get; private set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public Guid ConcurrencyStamp { get; set; }

    /// <summary>A paper binding for <paramref name="userId"/>.</summary>
    public static BrokerBinding ForPaper(Guid userId, DateTime now)
    {
        if (userId == Guid.Empty)
        {
            throw new DomainException("trading_account.invalid_user", "A trading account needs an owner.");
        }

        var binding = new BrokerBinding(Guid.CreateVersion7()) { UserId = userId };
        binding.BindPaper(now);
        return binding;
    }

    /// <summary>Switches to the paper broker (active at once).</summary>
    public void BindPaper(DateTime now)
    {
        Source = BrokerSource.Paper;
        ApiKeyId = null;
        Broker = null;
        IsPaperTrading = true;
        SetStatus(BrokerBindingStatus.Active, null, now);
    }

    /// <summary>
    /// Binds <paramref name="apiKey"/> (the caller checked it is the user's own). A revoked, expired or inactive key is refused
    /// with a <see cref="ConflictException"/> (409); a broker without a trading adapter with a <see cref="DomainException"/> (422).
    /// </summary>
    public void BindApiKey(ApiKey apiKey, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(apiKey);
        if (apiKey.UserId != UserId)
        {
            throw new DomainException("trading_account.api_key_of_another_user", "Only the user's own API keys can be bound.");
        }

        EnsureBindable(apiKey, now);
        Source = BrokerSource.ApiKey;
        ApiKeyId = apiKey.Id;
        Broker = apiKey.Broker;
        IsPaperTrading = apiKey.IsPaperTrading;
        SetStatus(BrokerBindingStatus.Active, null, now);
    }

    /// <summary>Throws like <see cref="BindApiKey"/> when <paramref name="apiKey"/> cannot be bound (or used for trading) now.</summary>
    public static void EnsureBindable(ApiKey apiKey, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(apiKey);
        switch (apiKey.EffectiveStatus(now))
        {
            case ApiKeyStatus.Revoked:
                throw new ConflictException(BrokerBindingErrors.ApiKeyRevoked, "A revoked API key cannot be bound.");
            case ApiKeyStatus.Expired:
                throw new ConflictException(BrokerBindingErrors.ApiKeyExpired, "An expired API key cannot be bound.");
            case ApiKeyStatus.Inactive:
                throw new ConflictException(BrokerBindingErrors.ApiKeyInactive, "An inactive API key cannot be bound; reactivate or rotate it first.");
        }

        if (apiKey.Broker != ApiKeys.Broker.Alpaca)
        {
            throw new DomainException(
                BrokerBindingErrors.BrokerNotSupported,
                $"Trading through {apiKey.Broker} is not supported yet; only Alpaca keys can be bound.");
        }
    }

    /// <summary>True when this binding trades with <paramref name="apiKeyId"/>.</summary>
    public bool IsBoundTo(Guid apiKeyId) => Source == BrokerSource.ApiKey && ApiKeyId == apiKeyId;

    /// <summary>
    /// The reason stored for <see cref="BrokerBindingStatus.BrokerUnavailable"/>: sanitised (<see cref="LastErrorText"/>, no
    /// secrets) and cut to <see cref="ReasonMaxLength"/>. Also used by set-based updates that bypass <see cref="MarkUnavailable"/>.
    /// </summary>
    public static string UnavailableReason(string? reason)
    {
        var text = LastErrorText.Sanitize(reason) ?? "The broker is unavailable.";
        return text.Length <= ReasonMaxLength ? text : text[..ReasonMaxLength];
    }

    /// <summary>Marks the bound broker unavailable with <paramref name="reason"/>. True when something changed.</summary>
    public bool MarkUnavailable(string reason, DateTime now)
    {
        var text = UnavailableReason(reason);
        if (Source == BrokerSource.Paper || (Status == BrokerBindingStatus.BrokerUnavailable && Reason == text))
        {
            return false;
        }

        if (Status == BrokerBindingStatus.BrokerUnavailable)
        {
            Reason = text;
            return true;
        }

        SetStatus(BrokerBindingStatus.BrokerUnavailable, text, now);
        return true;
    }

    /// <summary>Marks the bound broker available again. True when it was unavailable.</summary>
    public bool MarkAvailable(DateTime now)
    {
        if (Status == BrokerBindingStatus.Active)
        {
            return false;
        }

        SetStatus(BrokerBindingStatus.Active, null, now);
        return true;
    }

    private void SetStatus(BrokerBindingStatus status, string? reason, DateTime now)
    {
        Status = status;
        Reason = reason;
        StatusSince = now;
    }
}
