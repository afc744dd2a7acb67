namespace RiskPlatform.Application.ApiKeys.Commands.RewrapApiKeys;

/// <param name="Rewrapped">Keys now sealed under <paramref name="ActiveKeyVersion"/>.</param>
/// <param name="Failed">Keys whose ciphertext failed the integrity check; they keep their version and need a rotation.</param>
/// <param name="HasMore">True when the batch was full, so another batch may find more rows.</param>
public sealed record ApiKeyRewrapBatch(int Rewrapped, int Failed, bool HasMore, int ActiveKeyVersion);
