namespace RiskPlatform.Web.Client;

/// <summary>Wire shapes of <c>/api/v1/api-keys</c>. No response carries a secret; requests carry it once.</summary>
public sealed record BrokerKey(
    Guid Id,
    string Broker,
    string Name,
    string? Description,
    bool IsPaperTrading,
    bool IsDefault,
    string Status,
    string KeyHint,
    string SecretHint,
    long UsageCount,
    DateTime? LastUsedAt,
    DateTime? LastVerifiedAt,
    DateTime? LastRotatedAt,
    DateTime? RevokedAt,
    DateTime CreatedAt);

public sealed record BrokerKeyRequest(string Broker, string Name, string? Description, string ApiKey, string ApiSecret, bool IsPaperTrading);

public sealed record BrokerKeyRotation(string NewApiKey, string NewApiSecret);

public sealed record BrokerKeyVerification(bool IsValid, DateTime VerifiedAt, string Message, bool IntegrityOk, string BrokerCheck);

/// <summary>One entry of a key's audit trail (<c>GET /api-keys/{id}/audit-logs</c>), newest first.</summary>
public sealed record BrokerKeyAuditEntry(
    Guid Id, string Action, string? Description, string? IpAddress, string? UserAgent, bool Success, string? ErrorMessage, DateTime CreatedAt);

/// <summary>The broker behind the user's trading (<c>GET/PUT /trading/account</c>): paper, or one of their keys.</summary>
public sealed record TradingAccount(string Source, Guid? ApiKeyId, string Broker, bool IsPaperTrading, string Status, string? Reason, DateTime? Since);

/// <summary>The body of <c>PUT /trading/account</c>: <c>{source: "paper"}</c> or <c>{source: "api_key", api_key_id}</c>.</summary>
public sealed record TradingAccountChoice(string Source, Guid? ApiKeyId);
