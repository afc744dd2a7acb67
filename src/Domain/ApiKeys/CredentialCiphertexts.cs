namespace RiskPlatform.Domain.ApiKeys;

/// <summary>
/// The sealed form of one credential pair: two self-describing blobs (each carries its format and master key version)
/// and the master key version they were sealed under, kept as a column so re-encryption can find old rows cheaply.
/// </summary>
public sealed record CredentialCiphertexts(byte[] ApiKey, byte[] ApiSecret, int MasterKeyVersion);
