using MediatR;
using RiskPlatform.Application.Common.Messaging;

namespace RiskPlatform.Application.ApiKeys.Commands.RevokeApiKey;

/// <summary>Soft delete: the key stays listed as revoked and its ciphertexts are erased.</summary>
public sealed record RevokeApiKeyCommand(Guid Id) : ICommand<Unit>, IRequiresRecentMfa;
