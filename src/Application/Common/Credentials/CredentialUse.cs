namespace RiskPlatform.Application.Common.Credentials;

/// <summary>
/// Works with a decrypted credential pair (UTF-8 bytes). The spans are valid only during the call and are zeroed right
/// after it: copy nothing out of them except what the broker call needs (a signature, a header value built and used at once).
/// </summary>
public delegate TResult CredentialUse<in TState, out TResult>(ReadOnlySpan<byte> apiKey, ReadOnlySpan<byte> apiSecret, TState state);
