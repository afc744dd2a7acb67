using System.Security.Cryptography;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.Notifications.Webhooks;
using RiskPlatform.Infrastructure.Crypto;

namespace RiskPlatform.Infrastructure.IntegrationTests.Crypto;

public sealed class AesGcmWebhookSecretVaultTests
{
    private readonly Guid _userId = Guid.CreateVersion7();
    private readonly Guid _endpointId = Guid.CreateVersion7();
    private readonly AesGcmWebhookSecretVault _vault = new(KeyRings.Create(1, (1, KeyRings.RawKey1)));

    [Fact]
    public void Open_AfterSeal_GivesTheSecretBack_AndTheStoredFormNeverContainsIt()
    {
        var secret = WebhookSecret.New();

        var stored = _vault.Seal(_userId, _endpointId, secret);

        Assert.StartsWith(AesGcmWebhookSecretVault.StoredPrefix, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(secret[WebhookSecret.Prefix.Length..], stored, StringComparison.Ordinal);
        Assert.InRange(stored.Length, 1, WebhookEndpoint.SecretMaxLength);
        Assert.Equal(secret, _vault.Open(_userId, _endpointId, stored));
        Assert.NotEqual(stored, _vault.Seal(_userId, _endpointId, secret)); // a fresh salt and nonce each time
    }

    [Fact]
    public void Open_ForAnotherEndpointOrUser_FailsTheIntegrityCheck()
    {
        var stored = _vault.Seal(_userId, _endpointId, WebhookSecret.New());

        Assert.Throws<CredentialIntegrityException>(() => _vault.Open(_userId, Guid.CreateVersion7(), stored));
        Assert.Throws<CredentialIntegrityException>(() => _vault.Open(Guid.CreateVersion7(), _endpointId, stored));
    }

    [Fact]
    public void Open_WhenOneByteWasAltered_FailsTheIntegrityCheck()
    {
        var stored = _vault.Seal(_userId, _endpointId, WebhookSecret.New());
        var blob = Convert.FromBase64String(stored[AesGcmWebhookSecretVault.StoredPrefix.Length..]);
        blob[^20] ^= 0x01;

        Assert.Throws<CredentialIntegrityException>(() =>
            _vault.Open(_userId, _endpointId, AesGcmWebhookSecretVault.StoredPrefix + Convert.ToBase64String(blob)));
        Assert.Throws<CredentialIntegrityException>(() => _vault.Open(_userId, _endpointId, AesGcmWebhookSecretVault.StoredPrefix + "not base64!"));
    }

    [Fact]
    public void Open_WhenStoredBeforeSealing_GivesThePlainSecret_WhichNeedsResealing()
    {
        var secret = WebhookSecret.New();

        Assert.Equal(secret, _vault.Open(_userId, _endpointId, secret));
        Assert.True(_vault.NeedsResealing(secret));
        Assert.False(_vault.NeedsResealing(_vault.Seal(_userId, _endpointId, secret)));
        Assert.Throws<DomainException>(() => _vault.Open(_userId, _endpointId, "neither sealed nor a secret"));
    }

    [Fact]
    public void NeedsResealing_AfterTheActiveMasterKeyChanged_IsTrue_AndTheOldSealStillOpens()
    {
        var secret = WebhookSecret.New();
        var stored = _vault.Seal(_userId, _endpointId, secret);
        var rotated = new AesGcmWebhookSecretVault(KeyRings.Create(2, (1, KeyRings.RawKey1), (2, KeyRings.RawKey2)));

        Assert.True(rotated.NeedsResealing(stored));
        Assert.Equal(secret, rotated.Open(_userId, _endpointId, stored));
        var resealed = rotated.Seal(_userId, _endpointId, secret);
        Assert.False(rotated.NeedsResealing(resealed));
        Assert.Throws<UnknownMasterKeyVersionException>(() => _vault.Open(_userId, _endpointId, resealed));
    }

    [Fact]
    public void Seal_UsesItsOwnKeys_NotTheBrokerCredentialsOnes()
    {
        // The blob is the credential layout and the associated data is the vault's; only the record key differs. With the
        // credential cipher's record key (same master key, salt and version), decryption must fail.
        var stored = _vault.Seal(_userId, _endpointId, WebhookSecret.New());
        var blob = Convert.FromBase64String(stored[AesGcmWebhookSecretVault.StoredPrefix.Length..]);
        var salt = blob[CredentialBlobFormat.SaltOffset..CredentialBlobFormat.NonceOffset];
        var ciphertext = blob[CredentialBlobFormat.HeaderSize..^CredentialBlobFormat.TagSize];
        var nonce = blob[CredentialBlobFormat.NonceOffset..CredentialBlobFormat.HeaderSize];
        var tag = blob[^CredentialBlobFormat.TagSize..];
        byte[] associatedData = [1, .. BitConverter.GetBytes(1), .. _userId.ToByteArray(), .. _endpointId.ToByteArray()];
        var masterKey = Convert.FromBase64String(KeyRings.RawKey1);

        var webhookKey = new byte[32];
        RecordKeyDerivation.Derive("RiskPlatform/webhook-secret/v1"u8, masterKey, 1, salt, webhookKey);
        using (var aes = new AesGcm(webhookKey, CredentialBlobFormat.TagSize))
        {
            aes.Decrypt(nonce, ciphertext, tag, new byte[ciphertext.Length], associatedData); // the control: this key opens it
        }

        var credentialKey = new byte[32];
        AesGcmCredentialCipher.DeriveRecordKey(masterKey, 1, salt, credentialKey);
        using var credentialAes = new AesGcm(credentialKey, CredentialBlobFormat.TagSize);
        Assert.Throws<AuthenticationTagMismatchException>(() => credentialAes.Decrypt(nonce, ciphertext, tag, new byte[ciphertext.Length], associatedData));
    }
}
