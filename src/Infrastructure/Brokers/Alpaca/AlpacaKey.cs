using RiskPlatform.Application.Common.Credentials;

namespace RiskPlatform.Infrastructure.Brokers.Alpaca;

/// <summary>
/// One vault key as the Alpaca client uses it: its id (accounting, circuit), its credential generation (a rotation starts a fresh
/// circuit), the trading API it talks to, and access to its credentials, decrypted only while a request is built.
/// </summary>
internal sealed record AlpacaKey(Guid ApiKeyId, long Generation, Uri TradingBase, DecryptedCredentialAccess Credentials);
