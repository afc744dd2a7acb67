using RiskPlatform.Application.ApiKeys.Common;
using RiskPlatform.Application.Common.Messaging;

namespace RiskPlatform.Application.ApiKeys.Queries.ListApiKeys;

/// <summary>
/// The caller's keys, newest first. <see cref="Broker"/> and <see cref="Status"/> are snake_case wire names. Without
/// <see cref="Limit"/> the answer is the wire contract's unpaged list: every key that is not revoked and only the most
/// recently revoked ones (<see cref="VaultOptions.RevokedKeysListed"/>), so revoked keys cannot grow it without bound. With
/// <see cref="Limit"/> (and <see cref="Offset"/>) it is one page of every key the filters match, revoked ones included.
/// </summary>
public sealed record ListApiKeysQuery(string? Broker = null, string? Status = null, int? Limit = null, int? Offset = null)
    : IQuery<IReadOnlyList<ApiKeyDto>>;
