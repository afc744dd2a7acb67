using RiskPlatform.Domain.ApiKeys;

namespace RiskPlatform.Domain.UnitTests.ApiKeys;

public sealed class CredentialHintsTests
{
    [Theory]
    [InlineData("PKTESTA1B2C3D4E5F6G7", "PKTE...F6G7")]
    [InlineData("0123456789abcdef", "0123...cdef")]
    [InlineData("0123456789abcde", "****")]
    [InlineData("abc", "****")]
    [InlineData("", "****")]
    public void KeyHint_ByKeyLength_ShowsFirstAndLastFourOnlyForLongKeys(string apiKey, string expected) =>
        Assert.Equal(expected, CredentialHints.KeyHint(apiKey));

    [Theory]
    [InlineData("s3cr3tS3CR3Ts3cr3tS3CR3Ts3cr3tS3CR3Tab12", "...ab12")]
    [InlineData("0123456789abcdef", "...cdef")]
    [InlineData("short-secret", "****")]
    public void SecretHint_BySecretLength_ShowsLastFourOnlyForLongSecrets(string apiSecret, string expected) =>
        Assert.Equal(expected, CredentialHints.SecretHint(apiSecret));

    [Theory]
    [InlineData("PKTESTA1B2C3D4E5F6G7", true)]
    [InlineData("", false)]
    [InlineData("   ", false)]
    [InlineData("abc\ndef", false)]
    [InlineData("abc\u0000def", false)]
    [InlineData("abc\u007Fdef", false)]
    public void IsValidApiKey_ByContent_RejectsBlankAndControlCharacters(string apiKey, bool expected) =>
        Assert.Equal(expected, CredentialLimits.IsValidApiKey(apiKey));

    [Theory]
    [InlineData(256, 1024, true, true)]
    [InlineData(257, 1025, false, false)]
    public void IsValid_ByLength_EnforcesLimits(int keyLength, int secretLength, bool keyValid, bool secretValid)
    {
        Assert.Equal(keyValid, CredentialLimits.IsValidApiKey(new string('k', keyLength)));
        Assert.Equal(secretValid, CredentialLimits.IsValidApiSecret(new string('s', secretLength)));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("  ", null)]
    [InlineData("401 Unauthorized", "401 Unauthorized")]
    [InlineData("line1\r\nline2\tend", "line1  line2 end")]
    [InlineData("key: abcdefghij1234567 rejected", "key: [redacted] rejected")]
    [InlineData("apikey=abcdefghij1234567 rejected", "[redacted] rejected")]
    [InlineData("internationalization problem", "internationalization problem")]
    [InlineData("sig ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefgh bad", "sig [redacted] bad")]
    public void Sanitize_ByMessage_RemovesControlCharactersAndTokenLikeRuns(string? message, string? expected) =>
        Assert.Equal(expected, LastErrorText.Sanitize(message));

    [Fact]
    public void Sanitize_WhenLong_TruncatesToMaxLength()
    {
        var text = LastErrorText.Sanitize(string.Join(' ', Enumerable.Repeat("error", 400)));

        Assert.Equal(LastErrorText.MaxLength, text!.Length);
    }
}
