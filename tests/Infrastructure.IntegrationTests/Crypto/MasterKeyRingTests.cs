using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RiskPlatform.Application.Common.Credentials;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.ApiKeys;
using RiskPlatform.Infrastructure.Crypto;

namespace RiskPlatform.Infrastructure.IntegrationTests.Crypto;

public sealed class MasterKeyRingTests
{
    [Fact]
    public void FromOptions_WhenValueIsBase64Of32Bytes_UsesItAsRawKey()
    {
        var raw = RandomNumberGenerator.GetBytes(32);

        using var ring = KeyRings.Create(1, (1, Convert.ToBase64String(raw)));

        Assert.Equal(raw, ring.GetKey(1).ToArray());
    }

    [Theory]
    [InlineData("correct horse battery staple")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void FromOptions_WhenValueIsNotA32ByteBase64Key_StretchesItWithPbkdf2(string passphrase)
    {
        var expected = Rfc2898DeriveBytes.Pbkdf2(
            passphrase, Encoding.UTF8.GetBytes("RiskPlatform.MasterKey.v4"), 600_000, HashAlgorithmName.SHA256, 32);

        using var ring = KeyRings.Create(4, (4, passphrase));

        Assert.False(MasterKeyRing.IsRawKey(passphrase));
        Assert.Equal(expected, ring.GetKey(4).ToArray());
    }

    [Fact]
    public void GetKey_WhenVersionUnknown_ThrowsNamingTheVersion()
    {
        using var ring = KeyRings.Create(1, (1, KeyRings.RawKey1));

        var ex = Assert.Throws<UnknownMasterKeyVersionException>(() => ring.GetKey(42).ToArray());

        Assert.Equal(42, ex.Version);
        Assert.Contains("42", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dispose_Always_ZeroesTheKeys()
    {
        var ring = KeyRings.Create(1, (1, KeyRings.RawKey1));

        ring.Dispose();

        Assert.True(ring.GetKey(1).IndexOfAnyExcept((byte)0) < 0);
    }

    public static TheoryData<string, int, (int, string)[]> InvalidOptions => new()
    {
        { "at least one master key", 1, [] },
        { "ActiveKeyVersion 2 has no entry", 2, [(1, KeyRings.RawKey1)] },
        { "MasterKeys:1 is empty", 1, [(1, "  ")] },
        { "at least 16 characters", 1, [(1, "short")] },
        { "positive integers", 1, [(1, KeyRings.RawKey1), (0, KeyRings.RawKey2)] },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Validate_WhenOptionsInvalid_FailsWithReason(string reason, int activeVersion, (int, string)[] keys)
    {
        var options = new EncryptionOptions { ActiveKeyVersion = activeVersion };
        foreach (var (version, value) in keys)
        {
            options.MasterKeys[version] = value;
        }

        var result = new EncryptionOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(reason, result.FailureMessage, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => MasterKeyRing.FromOptions(options));
    }

    [Fact]
    public void AddCredentialCipher_WhenConfigured_BindsSectionAndResolvesAWorkingCipher()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Encryption:ActiveKeyVersion"] = "2",
                ["Encryption:MasterKeys:1"] = KeyRings.RawKey1,
                ["Encryption:MasterKeys:2"] = KeyRings.RawKey2,
            })
            .Build();
        using var provider = new ServiceCollection().AddCredentialCipher(configuration).BuildServiceProvider();
        var context = CredentialContext.For(Guid.CreateVersion7(), Guid.CreateVersion7(), Broker.Coinbase, null, false);

        var options = provider.GetRequiredService<IOptions<EncryptionOptions>>().Value;
        var cipher = provider.GetRequiredService<ICredentialCipher>();
        var sealedPair = cipher.Encrypt(context, "organizations/abc/apiKeys/def", "-----BEGIN EC PRIVATE KEY-----");

        Assert.Equal(2, options.ActiveKeyVersion);
        Assert.Equal([1, 2], options.MasterKeys.Keys.Order());
        Assert.Equal(2, sealedPair.MasterKeyVersion);
        Assert.True(cipher.CheckIntegrity(context, sealedPair));
    }

    [Fact]
    public void AddCredentialCipher_WhenActiveVersionMissing_FailsOptionsValidation()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Encryption:ActiveKeyVersion"] = "3",
                ["Encryption:MasterKeys:1"] = KeyRings.RawKey1,
            })
            .Build();
        using var provider = new ServiceCollection().AddCredentialCipher(configuration).BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<EncryptionOptions>>().Value);

        Assert.Contains("ActiveKeyVersion 3", ex.Message, StringComparison.Ordinal);
    }
}
