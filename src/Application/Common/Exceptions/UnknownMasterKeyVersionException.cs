namespace RiskPlatform.Application.Common.Exceptions;

/// <summary>A ciphertext names a master key version that is not in the configured key ring.</summary>
public sealed class UnknownMasterKeyVersionException(int version)
    : Exception($"Master key version {version} is not configured (Encryption:MasterKeys:{version} is missing).")
{
    public int Version { get; } = version;
}
