namespace RiskPlatform.Infrastructure.Crypto;

/// <summary>Test hook: sees the plaintext buffers of a decrypt-and-use call after they were zeroed, before they are released.</summary>
internal delegate void PlaintextClearedHook(ReadOnlySpan<byte> apiKey, ReadOnlySpan<byte> apiSecret);
