using RiskPlatform.Application.ApiKeys.Common;
using RiskPlatform.Application.Common.Messaging;

namespace RiskPlatform.Application.ApiKeys.Queries.ListApiKeys;

/// <summary>The caller's keys, newest first. <see cref="Broker"/> and <see cref="Status"/> are snake_case wire names.</summary>
public sealed record ListApiKeysQuery(string? Broker = null, string? Status = null) : IQuery<IReadOnlyList<ApiKeyDto>>;
