using RiskPlatform.Application.Common.Messaging;

namespace RiskPlatform.Application.ApiKeys.Commands.RewrapApiKeys;

/// <summary>
/// Re-seals, in one transaction, the keys of the next batch (in id order, after <see cref="After"/>) that are sealed under
/// an old master key version or in an older credential format, under the active version in the current format.
/// </summary>
public sealed record RewrapApiKeysCommand(int BatchSize = 100, Guid? After = null) : ICommand<ApiKeyRewrapBatch>;
