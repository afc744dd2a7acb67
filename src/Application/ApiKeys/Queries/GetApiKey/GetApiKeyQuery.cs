using RiskPlatform.Application.ApiKeys.Common;
using RiskPlatform.Application.Common.Messaging;

namespace RiskPlatform.Application.ApiKeys.Queries.GetApiKey;

public sealed record GetApiKeyQuery(Guid Id) : IQuery<ApiKeyDto>;
