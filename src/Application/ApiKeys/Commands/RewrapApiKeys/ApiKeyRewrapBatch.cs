namespace RiskPlatform.Application.ApiKeys.Commands.RewrapApiKeys;

/// <param name="Rewrapped">Keys now sealed under <paramref name="ActiveKeyVersion"/> in the current format.</param>
/// <param name="Failed">Keys whose ciphertext failed the integrity check; they stay as they were and need a rotation.</param>
/// <param name="LastId">The last key of this batch: the next batch starts after it.</param>
/// <param name="HasMore">True when the batch was full, so another batch may find more rows.</param>
public sealed record ApiKeyRewrapBatch(int Rewrapped, int Failed, Guid? LastId, bool HasMore, int ActiveKeyVersion);
