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
