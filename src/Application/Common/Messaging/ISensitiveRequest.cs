namespace RiskPlatform.Application.Common.Messaging;

/// <summary>
/// Marks a request that carries secrets (passwords, tokens, broker credentials).
/// Nothing in the pipeline ever serialises a request; this marker exists so tests can enumerate
/// the sensitive requests and prove their secrets reach no log line or audit row.
/// </summary>
public interface ISensitiveRequest;
