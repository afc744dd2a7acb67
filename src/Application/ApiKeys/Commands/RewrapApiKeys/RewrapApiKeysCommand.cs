using RiskPlatform.Application.Common.Messaging;

namespace RiskPlatform.Application.ApiKeys.Commands.RewrapApiKeys;

/// <summary>
/// Re-encrypts the next batch of keys sealed under an old master key version with the active one, in one transaction.
/// <see cref="Skip"/> is the number of rows earlier batches could not re-encrypt (see <see cref="ApiKeyRewrapBatch.Failed"/>).
/// </summary>
public sealed record RewrapApiKeysCommand(int BatchSize = 100, int Skip = 0) : ICommand<ApiKeyRewrapBatch>;
