namespace RiskPlatform.Infrastructure.Brokers.Accounting;

/// <summary>
/// One broker call to account for. <see cref="Message"/> (failures only) never holds a credential; it is sanitized again when stored.
/// <see cref="BindingUnavailable"/> on a <see cref="BrokerCallOutcome.Failed"/> call puts the key's bindings in broker_unavailable.
/// </summary>
internal sealed record BrokerCallRecord(Guid ApiKeyId, BrokerCallOutcome Outcome, string? Message, bool BindingUnavailable, DateTime At);
