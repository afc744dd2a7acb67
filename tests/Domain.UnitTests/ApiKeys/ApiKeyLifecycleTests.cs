using RiskPlatform.Domain.ApiKeys;
using RiskPlatform.Domain.Common;

namespace RiskPlatform.Domain.UnitTests.ApiKeys;

public sealed class ApiKeyLifecycleTests
{
    private static readonly DateTime Now = ApiKeys.Now;

    [Fact]
    public void Create_WhenValid_IsActiveWithCiphertextsHintsAndNoCounters()
    {
        var id = Guid.CreateVersion7();
        var userId = Guid.CreateVersion7();
        var ciphertexts = ApiKeys.Ciphertexts(version: 3);

        var key = ApiKey.Create(
            id, userId, Broker.Binance, "  Spot  ", " ", null, "https://api.binance.com/", false, true,
            ciphertexts, "ABCD...WXYZ", "...1234", Now);

        Assert.Equal(id, key.Id);
        Assert.Equal(userId, key.UserId);
        Assert.Equal(Broker.Binance, key.Broker);
        Assert.Equal("Spot", key.Name);
        Assert.Null(key.Description);
        Assert.Equal("https://api.binance.com", key.BaseUrl);
        Assert.True(key.IsDefault);
        Assert.Equal(ApiKeyStatus.Active, key.Status);
        Assert.Same(ciphertexts.ApiKey, key.EncryptedApiKey);
        Assert.Same(ciphertexts.ApiSecret, key.EncryptedApiSecret);
        Assert.Equal(3, key.MasterKeyVersion);
        Assert.Equal("ABCD...WXYZ", key.KeyHint);
        Assert.Equal("...1234", key.SecretHint);
        Assert.Equal(0, key.UsageCount);
        Assert.Equal(0, key.ErrorCount);
        Assert.Null(key.LastRotatedAt);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Create_WhenNameBlank_Throws(string name)
    {
        var ex = Assert.Throws<DomainException>(() => ApiKey.Create(
            Guid.CreateVersion7(), Guid.CreateVersion7(), Broker.Alpaca, name, null, null, null, true, false,
            ApiKeys.Ciphertexts(), "****", "****", Now));

        Assert.Equal("api_key.invalid_name", ex.Code);
    }

    [Theory]
    [InlineData("http://api.alpaca.markets")]
    [InlineData("https://evil.example.com")]
    [InlineData("http://169.254.169.254/")]
    public void Create_WhenBaseUrlNotAllowed_Throws(string baseUrl)
    {
        var ex = Assert.Throws<DomainException>(() => ApiKeys.Create(baseUrl: baseUrl));

        Assert.Equal("api_key.base_url_not_allowed", ex.Code);
    }

    [Fact]
    public void Create_WhenExpiryInPast_Throws()
    {
        var ex = Assert.Throws<DomainException>(() => ApiKeys.Create(expiresAt: Now.AddSeconds(-1)));

        Assert.Equal("api_key.invalid_expiry", ex.Code);
    }

    [Fact]
    public void Create_WhenCiphertextMissing_Throws()
    {
        var ex = Assert.Throws<DomainException>(() => ApiKey.Create(
            Guid.CreateVersion7(), Guid.CreateVersion7(), Broker.Alpaca, "n", null, null, null, true, false,
            new CredentialCiphertexts([], [1], 1), "****", "****", Now));

        Assert.Equal("api_key.missing_ciphertext", ex.Code);
    }

    [Fact]
    public void EffectiveBaseUrl_WhenNoBaseUrl_IsBrokerDefaultForPaperTrading()
    {
        var key = ApiKeys.Create();

        Assert.Equal("https://paper-api.alpaca.markets", key.EffectiveBaseUrl);
    }

    [Fact]
    public void Rotate_WhenActive_ReplacesCredentialsKeepsIdAndResetsErrors()
    {
        var key = ApiKeys.Create();
        var id = key.Id;
        key.RecordVerification(VerificationOutcome.Rejected, integrityOk: true, "401", Now);
        var newCiphertexts = ApiKeys.Ciphertexts(version: 2, fill: 0xCD);

        key.Rotate(newCiphertexts, "NEWK...EYXX", "...SECR", Now.AddHours(1));

        Assert.Equal(id, key.Id);
        Assert.Same(newCiphertexts.ApiKey, key.EncryptedApiKey);
        Assert.Same(newCiphertexts.ApiSecret, key.EncryptedApiSecret);
        Assert.Equal(2, key.MasterKeyVersion);
        Assert.Equal("NEWK...EYXX", key.KeyHint);
        Assert.Equal("...SECR", key.SecretHint);
        Assert.Equal(Now.AddHours(1), key.LastRotatedAt);
        Assert.Equal(0, key.ErrorCount);
        Assert.Equal(0, key.ConsecutiveRejections);
        Assert.Null(key.LastError);
    }

    [Fact]
    public void Rotate_WhenRevoked_ThrowsConflict()
    {
        var key = ApiKeys.Create();
        key.Revoke(Now);

        var ex = Assert.Throws<ConflictException>(() => key.Rotate(ApiKeys.Ciphertexts(), "****", "****", Now));

        Assert.Equal("api_key.revoked", ex.Code);
    }

    [Fact]
    public void Rotate_WhenPastExpiry_ThrowsConflict()
    {
        var key = ApiKeys.Create(expiresAt: Now.AddDays(1));

        var ex = Assert.Throws<ConflictException>(() => key.Rotate(ApiKeys.Ciphertexts(), "****", "****", Now.AddDays(2)));

        Assert.Equal("api_key.expired", ex.Code);
    }

    [Fact]
    public void Revoke_WhenActive_KeepsRowErasesCiphertextsAndClearsDefault()
    {
        var key = ApiKeys.Create(isDefault: true);
        var oldKeyBlob = key.EncryptedApiKey!;

        key.Revoke(Now.AddMinutes(5));

        Assert.Equal(ApiKeyStatus.Revoked, key.Status);
        Assert.Equal(ApiKeyStatus.Revoked, key.EffectiveStatus(Now.AddYears(1)));
        Assert.Equal(Now.AddMinutes(5), key.RevokedAt);
        Assert.Null(key.EncryptedApiKey);
        Assert.Null(key.EncryptedApiSecret);
        Assert.All(oldKeyBlob, b => Assert.Equal(0, b));
        Assert.False(key.IsDefault);
        Assert.Equal("PKAB...WXYZ", key.KeyHint);
    }

    [Fact]
    public void Revoke_WhenAlreadyRevoked_KeepsFirstRevocationTime()
    {
        var key = ApiKeys.Create();
        key.Revoke(Now);

        key.Revoke(Now.AddDays(1));

        Assert.Equal(Now, key.RevokedAt);
    }

    public static TheoryData<string, Action<ApiKey>> ActionsRefusedWhenRevoked => new()
    {
        { "rotate", k => k.Rotate(ApiKeys.Ciphertexts(), "****", "****", Now) },
        { "verify", k => k.RecordVerification(VerificationOutcome.Ok, true, null, Now) },
        { "reactivate", k => k.UpdateMetadata(null, null, null, null, null, ApiKeyStatus.Active, Now) },
        { "rename", k => k.UpdateMetadata("x", null, null, null, null, null, Now) },
        { "use", k => k.RecordUse(Now) },
        { "error", k => k.RecordError("boom", false, Now) },
        { "set default", k => k.SetDefault(Now) },
        { "rewrap", k => k.ReplaceCiphertexts(ApiKeys.Ciphertexts(version: 2)) },
        { "read ciphertexts", k => k.GetCiphertexts() },
        { "set expiry", k => k.SetExpiry(Now.AddDays(30), Now) },
    };

    [Theory]
    [MemberData(nameof(ActionsRefusedWhenRevoked))]
    public void Action_WhenRevoked_ThrowsConflict(string action, Action<ApiKey> act)
    {
        var key = ApiKeys.Create();
        key.Revoke(Now);

        var ex = Assert.Throws<ConflictException>(() => act(key));

        Assert.True(ex.Code == "api_key.revoked", action);
    }

    [Fact]
    public void UpdateMetadata_WhenFieldsNull_LeavesThemUnchanged()
    {
        var key = ApiKeys.Create(baseUrl: "https://paper-api.alpaca.markets");

        key.UpdateMetadata(null, null, null, null, null, null, Now);

        Assert.Equal("Main account", key.Name);
        Assert.Equal("Live trading", key.Description);
        Assert.Equal("ACC-1", key.AccountId);
        Assert.Equal("https://paper-api.alpaca.markets", key.BaseUrl);
        Assert.True(key.IsPaperTrading);
    }

    [Fact]
    public void UpdateMetadata_WhenEmptyStrings_ClearsOptionalFields()
    {
        var key = ApiKeys.Create(baseUrl: "https://paper-api.alpaca.markets");

        key.UpdateMetadata("Renamed", "", "", "", false, null, Now);

        Assert.Equal("Renamed", key.Name);
        Assert.Null(key.Description);
        Assert.Null(key.AccountId);
        Assert.Null(key.BaseUrl);
        Assert.False(key.IsPaperTrading);
        Assert.Equal("https://api.alpaca.markets", key.EffectiveBaseUrl);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("https://api.alpaca.markets", null)]
    public void UpdateMetadata_WhenAPaperKeysBaseUrlWouldBeALiveHost_ThrowsAndChangesNothing(string? baseUrl, bool? isPaperTrading)
    {
        var key = ApiKeys.Create(baseUrl: "https://paper-api.alpaca.markets");

        var ex = Assert.Throws<DomainException>(() => key.UpdateMetadata("Renamed", null, null, baseUrl, isPaperTrading, null, Now));

        Assert.Equal("api_key.base_url_not_allowed", ex.Code);
        Assert.Equal(("Main account", "https://paper-api.alpaca.markets", true), (key.Name, key.BaseUrl, key.IsPaperTrading));
    }

    [Fact]
    public void Create_WhenAPaperKeyNamesTheLiveHost_Throws() =>
        Assert.Equal("api_key.base_url_not_allowed", Assert.Throws<DomainException>(() => ApiKeys.Create(baseUrl: "https://api.alpaca.markets")).Code);

    [Fact]
    public void UpdateMetadata_WhenBaseUrlNotAllowed_ThrowsAndChangesNothing()
    {
        var key = ApiKeys.Create();

        Assert.Throws<DomainException>(() => key.UpdateMetadata("Renamed", null, null, "https://api.binance.com", null, null, Now));

        Assert.Equal("Main account", key.Name);
        Assert.Null(key.BaseUrl);
    }

    [Theory]
    [InlineData(ApiKeyStatus.Active, ApiKeyStatus.Inactive)]
    [InlineData(ApiKeyStatus.Inactive, ApiKeyStatus.Active)]
    [InlineData(ApiKeyStatus.Active, ApiKeyStatus.Active)]
    [InlineData(ApiKeyStatus.Inactive, ApiKeyStatus.Inactive)]
    public void UpdateMetadata_WhenStatusActiveOrInactive_Applies(ApiKeyStatus from, ApiKeyStatus to)
    {
        var key = ApiKeys.Create();
        key.UpdateMetadata(null, null, null, null, null, from, Now);

        key.UpdateMetadata(null, null, null, null, null, to, Now);

        Assert.Equal(to, key.Status);
    }

    [Theory]
    [InlineData(ApiKeyStatus.Expired)]
    [InlineData(ApiKeyStatus.Revoked)]
    public void UpdateMetadata_WhenStatusExpiredOrRevoked_Throws(ApiKeyStatus status)
    {
        var key = ApiKeys.Create();

        var ex = Assert.Throws<DomainException>(() => key.UpdateMetadata(null, null, null, null, null, status, Now));

        Assert.Equal("api_key.invalid_status_transition", ex.Code);
        Assert.Equal(ApiKeyStatus.Active, key.Status);
    }

    [Fact]
    public void UpdateMetadata_WhenReactivatingExpiredKey_ThrowsConflict()
    {
        var key = ApiKeys.Create(expiresAt: Now.AddDays(1));
        key.UpdateMetadata(null, null, null, null, null, ApiKeyStatus.Inactive, Now);

        var ex = Assert.Throws<ConflictException>(
            () => key.UpdateMetadata(null, null, null, null, null, ApiKeyStatus.Active, Now.AddDays(1)));

        Assert.Equal("api_key.expired", ex.Code);
    }

    [Fact]
    public void SetDefault_ThenClearDefault_TogglesIsDefault()
    {
        var key = ApiKeys.Create();

        key.SetDefault(Now);
        Assert.True(key.IsDefault);

        key.ClearDefault();
        Assert.False(key.IsDefault);
    }

    [Fact]
    public void ReplaceCiphertexts_WhenRewrapped_KeepsHintsAndRotationTime()
    {
        var key = ApiKeys.Create();
        var rewrapped = ApiKeys.Ciphertexts(version: 2, fill: 0x11);

        key.ReplaceCiphertexts(rewrapped);

        Assert.Equal(2, key.MasterKeyVersion);
        Assert.Same(rewrapped.ApiKey, key.EncryptedApiKey);
        Assert.Equal(rewrapped, key.GetCiphertexts());
        Assert.Equal("PKAB...WXYZ", key.KeyHint);
        Assert.Null(key.LastRotatedAt);
    }

    [Fact]
    public void ReplaceCiphertexts_WhenKeyExpired_StillRewraps()
    {
        var key = ApiKeys.Create(expiresAt: Now.AddDays(1));
        key.MarkExpiredIfDue(Now.AddDays(2));

        key.ReplaceCiphertexts(ApiKeys.Ciphertexts(version: 2));

        Assert.Equal(2, key.MasterKeyVersion);
    }
}
