using RiskPlatform.Domain.ApiKeys;
using RiskPlatform.Domain.BrokerBindings;
using RiskPlatform.Domain.Common;

namespace RiskPlatform.Application.BrokerBindings.Common;

/// <summary>
/// Which broker backs the caller's trading: <see cref="Source"/> paper or api_key, the bound key, <see cref="Broker"/>
/// (<c>paper</c> or the key's broker, e.g. <c>alpaca</c>), whether it trades on paper, and whether it answers
/// (<see cref="Status"/> active or broker_unavailable with <see cref="Reason"/> since <see cref="Since"/>).
/// A user who never chose is on paper with null <see cref="Since"/> and <see cref="UpdatedAt"/>.
/// </summary>
public sealed record TradingAccountDto(
    BrokerSource Source,
    Guid? ApiKeyId,
    string Broker,
    bool IsPaperTrading,
    BrokerBindingStatus Status,
    string? Reason,
    DateTime? Since,
    DateTime? UpdatedAt)
{
    public const string PaperBroker = "paper";

    public static TradingAccountDto Default { get; } =
        new(BrokerSource.Paper, null, PaperBroker, true, BrokerBindingStatus.Active, null, null, null);

    /// <summary>
    /// The binding as clients see it. A stored active binding whose key has since been revoked, has expired or was deactivated
    /// reads as broker_unavailable (the next broker call records it too).
    /// </summary>
    public static TradingAccountDto From(BrokerBinding? binding, ApiKey? boundKey, DateTime now)
    {
        if (binding is null)
        {
            return Default;
        }

        var broker = binding.Broker is { } b ? WireEnum.Name(b) : PaperBroker;
        var (status, reason, since) = (binding.Status, binding.Reason, binding.StatusSince);
        if (binding.Source == BrokerSource.ApiKey && status == BrokerBindingStatus.Active && UnusableReason(boundKey, now) is { } unusable)
        {
            (status, reason, since) = (BrokerBindingStatus.BrokerUnavailable, unusable, boundKey?.RevokedAt ?? boundKey?.UpdatedAt ?? now);
        }

        return new TradingAccountDto(binding.Source, binding.ApiKeyId, broker, binding.IsPaperTrading, status, reason, since, binding.UpdatedAt);
    }

    /// <summary>Why a bound key cannot trade now, or null when it can.</summary>
    public static string? UnusableReason(ApiKey? key, DateTime now) => key?.EffectiveStatus(now) switch
    {
        null => "The bound API key no longer exists.",
        ApiKeyStatus.Revoked => "The bound API key was revoked; bind another key or paper.",
        ApiKeyStatus.Expired => "The bound API key has expired; bind another key or paper.",
        ApiKeyStatus.Inactive => "The bound API key is inactive (deactivated or switched off); reactivate or rotate it, or bind another key or paper.",
        _ => null,
    };
}
