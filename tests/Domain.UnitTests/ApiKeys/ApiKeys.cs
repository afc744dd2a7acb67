using RiskPlatform.Domain.ApiKeys;

namespace RiskPlatform.Domain.UnitTests.ApiKeys;

/// <summary>Builds API keys for tests with opaque ciphertexts (the aggregate never looks inside them).</summary>
internal static class ApiKeys
{
    public static readonly DateTime Now = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    public static CredentialCiphertexts Ciphertexts(int version = 1, byte fill = 0xAB) =>
        new(Enumerable.Repeat(fill, 60).ToArray(), Enumerable.Repeat(fill, 80).ToArray(), version);

    public static ApiKey Create(
        Broker broker = Broker.Alpaca,
        string? baseUrl = null,
        bool isDefault = false,
        DateTime? expiresAt = null,
        DateTime? now = null) =>
        ApiKey.Create(
            Guid.CreateVersion7(),
            Guid.CreateVersion7(),
            broker,
            "Main account",
            "Live trading",
            "ACC-1",
            baseUrl,
            isPaperTrading: true,
            isDefault,
            Ciphertexts(),
            "PKAB...WXYZ",
            "...9876",
            now ?? Now,
            expiresAt);
}
