using System.Security.Cryptography;
using System.Text;
using RiskPlatform.Application.Common.Credentials;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Domain.ApiKeys;
using RiskPlatform.Infrastructure.Crypto;

namespace RiskPlatform.Infrastructure.IntegrationTests.Crypto;

public sealed class AesGcmCredentialCipherTests
{
    private const string ApiKey = "PKTESTA1B2C3D4E5F6G7";
    private const string ApiSecret = "s3cr3tS3CR3Ts3cr3tS3CR3Ts3cr3tS3CR3Tab12";

    private readonly CredentialContext _context = CredentialContext.For(Guid.CreateVersion7(), Guid.CreateVersion7(), Broker.Alpaca, null, true);
    private readonly AesGcmCredentialCipher _cipher = KeyRings.Cipher(1, (1, KeyRings.RawKey1));

    public static TheoryData<string, string> Credentials => new()
    {
        { ApiKey, ApiSecret },
        { "k", "s" },
        { "ключ-🔑-鍵", "sécret-ñ-😀" },
        { new string('K', CredentialLimits.ApiKeyMaxLength), new string('S', CredentialLimits.ApiSecretMaxLength) },
    };

    [Theory]
    [MemberData(nameof(Credentials))]
    public void UseDecrypted_AfterEncrypt_SeesTheOriginalCredentials(string apiKey, string apiSecret)
    {
        var sealedPair = _cipher.Encrypt(_context, apiKey, apiSecret);

        var (key, secret) = _cipher.UseDecrypted(
            _context, sealedPair, 0, static (k, s, _) => (Encoding.UTF8.GetString(k), Encoding.UTF8.GetString(s)));

        Assert.Equal(apiKey, key);
        Assert.Equal(apiSecret, secret);
        Assert.Equal(1, sealedPair.MasterKeyVersion);
    }

    [Fact]
    public void Encrypt_WhenSameCredentialsTwice_ProducesDifferentCiphertexts()
    {
        var first = _cipher.Encrypt(_context, ApiKey, ApiSecret);
        var second = _cipher.Encrypt(_context, ApiKey, ApiSecret);

        Assert.NotEqual(first.ApiKey, second.ApiKey);
        Assert.NotEqual(first.ApiSecret, second.ApiSecret);
        Assert.NotEqual(
            first.ApiKey.AsSpan(CredentialBlobFormat.HeaderSize).ToArray(),
            second.ApiKey.AsSpan(CredentialBlobFormat.HeaderSize).ToArray());
    }

    [Fact]
    public void Encrypt_Always_WritesVersionedBlobsSharingSaltWithDistinctNonces()
    {
        var sealedPair = _cipher.Encrypt(_context, ApiKey, ApiSecret);
        var keyBlob = sealedPair.ApiKey;
        var secretBlob = sealedPair.ApiSecret;

        Assert.Equal(CredentialBlobFormat.Version2, keyBlob[0]);
        Assert.Equal(CredentialBlobFormat.Version2, secretBlob[0]);
        Assert.Equal(1, BitConverter.ToInt32(keyBlob, CredentialBlobFormat.KeyVersionOffset));
        Assert.Equal(CredentialBlobFormat.Overhead + ApiKey.Length, keyBlob.Length);
        Assert.Equal(CredentialBlobFormat.Overhead + ApiSecret.Length, secretBlob.Length);
        Assert.Equal(Salt(keyBlob), Salt(secretBlob));
        Assert.NotEqual(Nonce(keyBlob), Nonce(secretBlob));
        Assert.DoesNotContain(
            Encoding.UTF8.GetBytes(ApiKey.Substring(4, 8)),
            Enumerable.Range(0, keyBlob.Length - 8).Select(i => keyBlob.AsSpan(i, 8).ToArray()));
    }

    public static TheoryData<string, bool, int> TamperedRegions => new()
    {
        { "salt", false, CredentialBlobFormat.SaltOffset },
        { "nonce", false, CredentialBlobFormat.NonceOffset + 5 },
        { "ciphertext", false, CredentialBlobFormat.HeaderSize },
        { "ciphertext end", false, -CredentialBlobFormat.TagSize - 1 },
        { "tag", false, -1 },
        { "nonce", true, CredentialBlobFormat.NonceOffset },
        { "ciphertext", true, CredentialBlobFormat.HeaderSize + 3 },
        { "tag", true, -CredentialBlobFormat.TagSize },
        { "key version", true, CredentialBlobFormat.KeyVersionOffset },
    };

    [Theory]
    [MemberData(nameof(TamperedRegions))]
    public void UseDecrypted_WhenOneBitFlipped_ThrowsIntegrityException(string region, bool inSecret, int offset)
    {
        var sealedPair = _cipher.Encrypt(_context, ApiKey, ApiSecret);
        var blob = inSecret ? sealedPair.ApiSecret : sealedPair.ApiKey;
        var index = offset >= 0 ? offset : blob.Length + offset;
        blob[index] ^= 0x01;
        var called = false;

        var ex = Assert.Throws<CredentialIntegrityException>(
            () => _cipher.UseDecrypted(_context, sealedPair, 0, (_, _, _) => called = true));

        Assert.False(called, region);
        Assert.DoesNotContain(ApiSecret, ex.Message, StringComparison.Ordinal);
        Assert.False(_cipher.CheckIntegrity(_context, sealedPair));
    }

    public static TheoryData<string> MovedTo => ["user", "api key row", "broker", "base url", "mode", "mode and its default url"];

    [Theory]
    [MemberData(nameof(MovedTo))]
    public void UseDecrypted_WhenBlobsMovedToAnotherContext_ThrowsIntegrityException(string movedTo)
    {
        var sealedPair = _cipher.Encrypt(_context, ApiKey, ApiSecret);
        var other = movedTo switch
        {
            "user" => _context with { UserId = Guid.CreateVersion7() },
            "api key row" => _context with { ApiKeyId = Guid.CreateVersion7() },
            "base url" => _context with { BaseUrl = "https://data.alpaca.markets" },
            "mode" => _context with { IsPaperTrading = false },
            "mode and its default url" => CredentialContext.For(_context.UserId, _context.ApiKeyId, Broker.Alpaca, null, isPaperTrading: false),
            _ => _context with { Broker = Broker.Binance },
        };

        Assert.Throws<CredentialIntegrityException>(() => _cipher.UseDecrypted(other, sealedPair, 0, (_, _, _) => 0));
        Assert.True(_cipher.CheckIntegrity(_context, sealedPair));
    }

    [Theory]
    [InlineData("https://paper-api.alpaca.markets")]
    [InlineData("https://PAPER-API.alpaca.markets/")]
    [InlineData("  https://paper-api.alpaca.markets:443//  ")]
    [InlineData("")]
    public void UseDecrypted_WhenTheBaseUrlIsSpelledAnotherWayForTheSameAddress_Opens(string baseUrl)
    {
        var sealedPair = _cipher.Encrypt(_context, ApiKey, ApiSecret);
        var respelled = CredentialContext.For(_context.UserId, _context.ApiKeyId, Broker.Alpaca, baseUrl, isPaperTrading: true);

        Assert.True(_cipher.CheckIntegrity(respelled, sealedPair));
    }

    [Fact]
    public void UseDecrypted_WhenAFormat2HeaderIsRewrittenAsFormat1_ThrowsIntegrityException()
    {
        var sealedPair = _cipher.Encrypt(_context, ApiKey, ApiSecret);
        sealedPair.ApiKey[0] = CredentialBlobFormat.Version1;
        sealedPair.ApiSecret[0] = CredentialBlobFormat.Version1;

        Assert.False(_cipher.CheckIntegrity(_context, sealedPair));
        Assert.False(_cipher.CheckIntegrity(_context with { BaseUrl = "https://api.alpaca.markets", IsPaperTrading = false }, sealedPair));
    }

    [Fact]
    public void UseDecrypted_WhenFormat1_OpensForAnyBaseUrlAndModeAsBefore()
    {
        var format1 = _cipher.Encrypt(_context, ApiKey, ApiSecret, CredentialBlobFormat.Version1);

        Assert.Equal(CredentialBlobFormat.Version1, format1.ApiKey[0]);
        Assert.True(_cipher.CheckIntegrity(_context, format1));
        Assert.True(_cipher.CheckIntegrity(_context with { BaseUrl = "https://api.alpaca.markets", IsPaperTrading = false }, format1));
        Assert.False(_cipher.CheckIntegrity(_context with { ApiKeyId = Guid.CreateVersion7() }, format1));
    }

    [Fact]
    public void UseDecrypted_WhenTheTwoBlobsDisagreeOnTheirFormat_ThrowsIntegrityException()
    {
        var format1 = _cipher.Encrypt(_context, ApiKey, ApiSecret, CredentialBlobFormat.Version1);
        var format2 = _cipher.Encrypt(_context, ApiKey, ApiSecret);

        Assert.False(_cipher.CheckIntegrity(_context, format2 with { ApiSecret = format1.ApiSecret }));
    }

    [Fact]
    public void NeedsResealing_WhenAnOldFormatOrAnOldMasterKey_IsTrueAndReencryptMovesItToTheCurrentOnes()
    {
        var v2Active = KeyRings.Cipher(2, (1, KeyRings.RawKey1), (2, KeyRings.RawKey2));
        var format1 = v2Active.Encrypt(_context, ApiKey, ApiSecret, CredentialBlobFormat.Version1);
        var oldKey = _cipher.Encrypt(_context, ApiKey, ApiSecret);
        var current = v2Active.Encrypt(_context, ApiKey, ApiSecret);

        Assert.True(v2Active.NeedsResealing(format1));
        Assert.True(v2Active.NeedsResealing(oldKey));
        Assert.False(v2Active.NeedsResealing(current));

        var resealed = v2Active.Reencrypt(_context, format1);
        Assert.False(v2Active.NeedsResealing(resealed));
        Assert.Equal(CredentialBlobFormat.Version2, resealed.ApiKey[0]);
        Assert.True(v2Active.CheckIntegrity(_context, resealed));
        Assert.False(v2Active.CheckIntegrity(_context with { IsPaperTrading = false }, resealed));
    }

    [Fact]
    public void Reencrypt_ToAnotherBaseUrlAndMode_OpensOnlyForTheNewOnes()
    {
        var sealedPair = _cipher.Encrypt(_context, ApiKey, ApiSecret);
        var live = CredentialContext.For(_context.UserId, _context.ApiKeyId, Broker.Alpaca, null, isPaperTrading: false);

        var moved = _cipher.Reencrypt(_context, live, sealedPair);

        Assert.True(_cipher.CheckIntegrity(live, moved));
        Assert.False(_cipher.CheckIntegrity(_context, moved));
        Assert.Equal(
            (ApiKey, ApiSecret),
            _cipher.UseDecrypted(live, moved, 0, static (k, s, _) => (Encoding.UTF8.GetString(k), Encoding.UTF8.GetString(s))));
        Assert.Throws<CredentialIntegrityException>(() => _cipher.Reencrypt(live, _context, sealedPair));
    }

    [Fact]
    public void UseDecrypted_WhenFieldsSwapped_ThrowsIntegrityException()
    {
        var sealedPair = _cipher.Encrypt(_context, ApiKey, ApiSecret);
        var swapped = sealedPair with { ApiKey = sealedPair.ApiSecret, ApiSecret = sealedPair.ApiKey };

        Assert.Throws<CredentialIntegrityException>(() => _cipher.UseDecrypted(_context, swapped, 0, (_, _, _) => 0));
    }

    [Fact]
    public void UseDecrypted_WhenSecretComesFromAnotherRecord_ThrowsIntegrityException()
    {
        var first = _cipher.Encrypt(_context, ApiKey, ApiSecret);
        var second = _cipher.Encrypt(_context, ApiKey, "another-secret-value");
        var mixed = first with { ApiSecret = second.ApiSecret };

        Assert.Throws<CredentialIntegrityException>(() => _cipher.UseDecrypted(_context, mixed, 0, (_, _, _) => 0));
    }

    [Fact]
    public void UseDecrypted_WhenVersionColumnDisagreesWithBlob_ThrowsIntegrityException()
    {
        var sealedPair = _cipher.Encrypt(_context, ApiKey, ApiSecret) with { MasterKeyVersion = 2 };

        Assert.Throws<CredentialIntegrityException>(() => _cipher.UseDecrypted(_context, sealedPair, 0, (_, _, _) => 0));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(CredentialBlobFormat.Overhead)]
    public void UseDecrypted_WhenBlobTruncated_ThrowsIntegrityException(int length)
    {
        var sealedPair = _cipher.Encrypt(_context, ApiKey, ApiSecret);
        var truncated = sealedPair with { ApiKey = sealedPair.ApiKey[..length] };

        Assert.Throws<CredentialIntegrityException>(() => _cipher.UseDecrypted(_context, truncated, 0, (_, _, _) => 0));
    }

    [Fact]
    public void UseDecrypted_WhenFormatVersionUnknown_ThrowsIntegrityExceptionNamingIt()
    {
        var sealedPair = _cipher.Encrypt(_context, ApiKey, ApiSecret);
        sealedPair.ApiKey[0] = 9;

        var ex = Assert.Throws<CredentialIntegrityException>(() => _cipher.UseDecrypted(_context, sealedPair, 0, (_, _, _) => 0));

        Assert.Contains("format version 9", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UseDecrypted_WhenKeyVersionNotConfigured_ThrowsNamingTheVersion()
    {
        var writer = KeyRings.Cipher(7, (1, KeyRings.RawKey1), (7, KeyRings.RawKey2));
        var sealedPair = writer.Encrypt(_context, ApiKey, ApiSecret);

        var ex = Assert.Throws<UnknownMasterKeyVersionException>(
            () => _cipher.UseDecrypted(_context, sealedPair, 0, (_, _, _) => 0));

        Assert.Equal(7, ex.Version);
        Assert.Contains("Master key version 7", ex.Message, StringComparison.Ordinal);
        Assert.Throws<UnknownMasterKeyVersionException>(() => _cipher.CheckIntegrity(_context, sealedPair));
    }

    [Fact]
    public void UseDecrypted_WhenAnotherMasterKeyHasTheSameVersion_ThrowsIntegrityException()
    {
        var other = KeyRings.Cipher(1, (1, KeyRings.RawKey2));
        var sealedPair = other.Encrypt(_context, ApiKey, ApiSecret);

        Assert.Throws<CredentialIntegrityException>(() => _cipher.UseDecrypted(_context, sealedPair, 0, (_, _, _) => 0));
    }

    [Theory]
    [MemberData(nameof(Credentials))]
    public void UseDecrypted_AfterCallback_HasZeroedThePlaintextBuffers(string apiKey, string apiSecret)
    {
        var sealedPair = _cipher.Encrypt(_context, apiKey, apiSecret);
        byte[]? seenKey = null;
        byte[]? seenSecret = null;
        var cleared = 0;
        _cipher.OnPlaintextCleared = (k, s) =>
        {
            Assert.Equal(seenKey!.Length, k.Length);
            Assert.Equal(seenSecret!.Length, s.Length);
            Assert.True(k.IndexOfAnyExcept((byte)0) < 0, "API key buffer not zeroed");
            Assert.True(s.IndexOfAnyExcept((byte)0) < 0, "API secret buffer not zeroed");
            cleared++;
        };

        _cipher.UseDecrypted(_context, sealedPair, 0, (k, s, _) =>
        {
            seenKey = k.ToArray();
            seenSecret = s.ToArray();
            return 0;
        });

        Assert.Equal(Encoding.UTF8.GetBytes(apiKey), seenKey);
        Assert.Equal(Encoding.UTF8.GetBytes(apiSecret), seenSecret);
        Assert.Equal(1, cleared);
    }

    [Fact]
    public void UseDecrypted_WhenCallbackThrows_StillZeroesAndPropagates()
    {
        var sealedPair = _cipher.Encrypt(_context, ApiKey, ApiSecret);
        var allZero = false;
        _cipher.OnPlaintextCleared = (k, s) => allZero = k.Length > 0 && k.IndexOfAnyExcept((byte)0) < 0 && s.IndexOfAnyExcept((byte)0) < 0;

        Assert.Throws<InvalidOperationException>(() => _cipher.UseDecrypted<int, int>(
            _context, sealedPair, 0, static (_, _, _) => throw new InvalidOperationException("broker call failed")));

        Assert.True(allZero);
    }

    [Fact]
    public void Reencrypt_WhenNewVersionActive_MovesCiphertextsToIt()
    {
        var v1Only = KeyRings.Cipher(1, (1, KeyRings.RawKey1));
        var original = v1Only.Encrypt(_context, ApiKey, ApiSecret);
        var v2Active = KeyRings.Cipher(2, (1, KeyRings.RawKey1), (2, KeyRings.RawKey2));

        var rewrapped = v2Active.Reencrypt(_context, original);

        Assert.Equal(2, rewrapped.MasterKeyVersion);
        Assert.Equal(2, v2Active.GetKeyVersion(rewrapped.ApiKey));
        Assert.Equal(2, v2Active.GetKeyVersion(rewrapped.ApiSecret));
        Assert.Equal(1, v2Active.GetKeyVersion(original.ApiKey));
        Assert.Equal(
            (ApiKey, ApiSecret),
            v2Active.UseDecrypted(_context, rewrapped, 0, static (k, s, _) => (Encoding.UTF8.GetString(k), Encoding.UTF8.GetString(s))));

        var v2Only = KeyRings.Cipher(2, (2, KeyRings.RawKey2));
        Assert.True(v2Only.CheckIntegrity(_context, rewrapped));
        var ex = Assert.Throws<UnknownMasterKeyVersionException>(() => v2Only.CheckIntegrity(_context, original));
        Assert.Equal(1, ex.Version);
    }

    [Fact]
    public void Encrypt_WhenPassphraseKey_RoundTripsAndDiffersFromRawKey()
    {
        const string passphrase = "correct horse battery staple";
        var passphraseCipher = KeyRings.Cipher(1, (1, passphrase));

        var sealedPair = passphraseCipher.Encrypt(_context, ApiKey, ApiSecret);

        Assert.True(passphraseCipher.CheckIntegrity(_context, sealedPair));
        Assert.False(_cipher.CheckIntegrity(_context, sealedPair));
    }

    [Fact]
    public void DeriveRecordKey_Always_EqualsHkdfExpandOfMasterKey()
    {
        var masterKey = RandomNumberGenerator.GetBytes(32);
        var salt = RandomNumberGenerator.GetBytes(16);
        var expected = new byte[32];
        HKDF.Expand(HashAlgorithmName.SHA256, masterKey, expected, AesGcmCredentialCipher.KdfInfo(3, salt));
        var actual = new byte[32];

        AesGcmCredentialCipher.DeriveRecordKey(masterKey, 3, salt, actual);

        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("", "secret")]
    [InlineData("key", "")]
    public void Encrypt_WhenCredentialEmpty_Throws(string apiKey, string apiSecret) =>
        Assert.Throws<ArgumentException>(() => _cipher.Encrypt(_context, apiKey, apiSecret));

    [Fact]
    public void ActiveKeyVersion_Always_IsTheRingsActiveVersion() =>
        Assert.Equal(2, KeyRings.Cipher(2, (1, KeyRings.RawKey1), (2, KeyRings.RawKey2)).ActiveKeyVersion);

    private static byte[] Salt(byte[] blob) => blob.AsSpan(CredentialBlobFormat.SaltOffset, CredentialBlobFormat.SaltSize).ToArray();

    private static byte[] Nonce(byte[] blob) => blob.AsSpan(CredentialBlobFormat.NonceOffset, CredentialBlobFormat.NonceSize).ToArray();
}
