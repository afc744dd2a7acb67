using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Text;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using RiskPlatform.Application.Common.Credentials;
using RiskPlatform.Domain.ApiKeys;
using RiskPlatform.Domain.Auditing;
using RiskPlatform.Infrastructure.Crypto;
using RiskPlatform.Infrastructure.Persistence;

namespace RiskPlatform.Api.FunctionalTests.ApiKeys;

/// <summary>Shared steps of the vault tests: creating keys over HTTP and reading or altering their raw rows.</summary>
internal static class ApiKeyTestData
{
    public const string Route = "/api/v1/api-keys";

    /// <summary>A second master key for rewrap tests (never used outside tests).</summary>
    public const string MasterKeyV2 = "ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=";

    public static string NewApiKey() => $"PK{Guid.NewGuid():N}".ToUpperInvariant();

    public static string NewApiSecret() => $"sec-{Guid.NewGuid():N}{Guid.NewGuid():N}";

    public static object CreateBody(string name, string? apiKey = null, string? apiSecret = null, string broker = "alpaca", bool isDefault = false) => new
    {
        broker,
        name,
        description = "integration test key",
        is_paper_trading = true,
        is_default = isDefault,
        api_key = apiKey ?? NewApiKey(),
        api_secret = apiSecret ?? NewApiSecret(),
    };

    public static async Task<JsonNode> CreateAsync(ApiClient client, string name, string? apiKey = null, string? apiSecret = null, string broker = "alpaca", bool isDefault = false)
    {
        var response = await client.PostAsync(Route, CreateBody(name, apiKey, apiSecret, broker, isDefault));
        response.EnsureStatus(HttpStatusCode.Created);
        return response.Body!;
    }

    public static Guid IdOf(JsonNode key) => key["id"]!.GetValue<Guid>();

    public static async Task<ApiKey> ReadRowAsync(IServiceProvider services, Guid id)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RiskPlatformDbContext>();
        return await db.Set<ApiKey>().AsNoTracking().SingleAsync(k => k.Id == id);
    }

    /// <summary>Writes raw column values, as an attacker with database access would.</summary>
    public static async Task WriteCiphertextAsync(IServiceProvider services, Guid id, byte[] apiKeyBlob)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RiskPlatformDbContext>();
        var row = await db.Set<ApiKey>().SingleAsync(k => k.Id == id);
        db.Entry(row).Property(k => k.EncryptedApiKey).CurrentValue = apiKeyBlob;
        await db.SaveChangesAsync();
    }

    /// <summary>A second host on the fixture's database whose vault has <see cref="MasterKeyV2"/> active (version 1 still readable).</summary>
    public static RiskPlatformApiFactory HostWithMasterKeyV2Active(ApiFixture fixture, params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Encryption:ActiveKeyVersion"] = "2",
            ["Encryption:MasterKeys:2"] = MasterKeyV2,
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return new RiskPlatformApiFactory(fixture.Provider, fixture.ConnectionString, fixture.Logs, settings: settings);
    }

    /// <summary>Seals a row's credentials again in format 1, as a release before base URL binding wrote them.</summary>
    public static async Task ResealInFormat1Async(IServiceProvider services, Guid id)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RiskPlatformDbContext>();
        var cipher = scope.ServiceProvider.GetRequiredService<AesGcmCredentialCipher>(); // the real cipher behind the metered one
        var row = await db.Set<ApiKey>().SingleAsync(k => k.Id == id);
        var context = CredentialContext.For(row);
        var format1 = cipher.UseDecrypted(
            context,
            row.GetCiphertexts(),
            (Cipher: cipher, Context: context),
            static (apiKey, apiSecret, state) => state.Cipher.Encrypt(
                state.Context, Encoding.UTF8.GetString(apiKey), Encoding.UTF8.GetString(apiSecret), CredentialBlobFormat.Version1));
        db.Entry(row).Property(k => k.EncryptedApiKey).CurrentValue = format1.ApiKey;
        db.Entry(row).Property(k => k.EncryptedApiSecret).CurrentValue = format1.ApiSecret;
        await db.SaveChangesAsync();
    }

    /// <summary>Rewrites a row as if it had been sealed under <paramref name="version"/> (header and column).</summary>
    public static async Task MarkSealedUnderAsync(IServiceProvider services, Guid id, int version)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RiskPlatformDbContext>();
        var row = await db.Set<ApiKey>().SingleAsync(k => k.Id == id);
        var apiKeyBlob = row.EncryptedApiKey!.ToArray();
        var apiSecretBlob = row.EncryptedApiSecret!.ToArray();
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(apiKeyBlob.AsSpan(1), version);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(apiSecretBlob.AsSpan(1), version);
        db.Entry(row).Property(k => k.EncryptedApiKey).CurrentValue = apiKeyBlob;
        db.Entry(row).Property(k => k.EncryptedApiSecret).CurrentValue = apiSecretBlob;
        db.Entry(row).Property(k => k.MasterKeyVersion).CurrentValue = version;
        await db.SaveChangesAsync();
    }

    public static async Task SetExpiryAsync(IServiceProvider services, Guid id, DateTime expiresAt)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RiskPlatformDbContext>();
        var row = await db.Set<ApiKey>().SingleAsync(k => k.Id == id);
        db.Entry(row).Property(k => k.ExpiresAt).CurrentValue = expiresAt;
        await db.SaveChangesAsync();
    }

    public static async Task<List<AuditLog>> AuditRowsAsync(IServiceProvider services, Guid apiKeyId)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RiskPlatformDbContext>();
        return await db.Set<AuditLog>().AsNoTracking().Where(a => a.ResourceId == apiKeyId).ToListAsync();
    }

    public static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
