using RiskPlatform.Domain.ApiKeys;

namespace RiskPlatform.Application.Common.Brokers;

/// <summary>The broker's answer. <paramref name="Message"/> must hold no credential (it is stored sanitized as last_error).</summary>
public sealed record BrokerVerificationResult(VerificationOutcome Outcome, string? Message);
