namespace RiskPlatform.Infrastructure.Crypto;

/// <summary>Which credential a blob holds; bound into its associated data. Never renumber.</summary>
internal enum CredentialField : byte
{
    ApiKey = 1,
    ApiSecret = 2,
}
