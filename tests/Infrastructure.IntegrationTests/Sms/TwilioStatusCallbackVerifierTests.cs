using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using RiskPlatform.Infrastructure.Sms;

namespace RiskPlatform.Infrastructure.IntegrationTests.Sms;

/// <summary>
/// Status callback signatures, checked with Twilio's RequestValidator: Twilio's documented example, a changed field or
/// token, the URL as configured versus as received, and Twilio signing the URL with its default port.
/// </summary>
public sealed class TwilioStatusCallbackVerifierTests
{
    // Twilio's documentation ("Validating signatures from Twilio"): auth token, URL, posted fields and their signature.
    private const string DocumentedToken = "12345";
    private const string DocumentedUrl = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private const string DocumentedSignature = "0/KCTR6DLpKmkAf8muzZqo1nDgQ=";

    private static readonly Dictionary<string, string> DocumentedFields = new(StringComparer.Ordinal)
    {
        ["CallSid"] = "CA1234567890ABCDE",
        ["Caller"] = "+12349013030",
        ["Digits"] = "1234",
        ["From"] = "+12349013030",
        ["To"] = "+18005551212",
    };

    [Fact]
    public void IsAuthentic_TwiliosDocumentedExample_IsAccepted()
    {
        var verifier = Verifier(DocumentedToken, callbackUrl: DocumentedUrl);

        Assert.True(verifier.IsAuthentic("https://internal:8080/api/v1/notifications/sms/status", DocumentedFields, DocumentedSignature));
    }

    [Fact]
    public void IsAuthentic_AChangedFieldAnotherTokenOrNoSignature_IsRefused()
    {
        var altered = new Dictionary<string, string>(DocumentedFields) { ["Digits"] = "1235" };

        Assert.False(Verifier(DocumentedToken, DocumentedUrl).IsAuthentic(DocumentedUrl, altered, DocumentedSignature));
        Assert.False(Verifier("54321", DocumentedUrl).IsAuthentic(DocumentedUrl, DocumentedFields, DocumentedSignature));
        Assert.False(Verifier(DocumentedToken, DocumentedUrl).IsAuthentic(DocumentedUrl, DocumentedFields, signature: null));
        Assert.False(Verifier(token: null, DocumentedUrl).IsAuthentic(DocumentedUrl, DocumentedFields, DocumentedSignature));
    }

    [Fact]
    public void IsAuthentic_WithoutAConfiguredCallbackUrl_ChecksTheUrlTheRequestArrivedAt()
    {
        var verifier = Verifier(DocumentedToken, callbackUrl: null);

        Assert.True(verifier.IsAuthentic(DocumentedUrl, DocumentedFields, DocumentedSignature));
        Assert.False(verifier.IsAuthentic("https://mycompany.com/other.php", DocumentedFields, DocumentedSignature));
    }

    [Fact]
    public void IsAuthentic_WhenTwilioSignedTheUrlWithItsDefaultPort_IsAccepted()
    {
        var signature = TwilioSignature(DocumentedToken, "https://mycompany.com:443/myapp.php?foo=1&bar=2", DocumentedFields);

        Assert.True(Verifier(DocumentedToken, DocumentedUrl).IsAuthentic(DocumentedUrl, DocumentedFields, signature));
    }

    private static TwilioStatusCallbackVerifier Verifier(string? token, string? callbackUrl) =>
        new(Options.Create(new TwilioOptions
        {
            AccountSid = "AC00000000000000000000000000000042",
            AuthToken = token,
            From = "+15005550006",
            StatusCallbackUrl = callbackUrl is null ? null : new Uri(callbackUrl),
        }));

    /// <summary>Twilio's rule, written here from its documentation: base64(HMAC-SHA1(token, URL + each field's name and value, sorted by name)).</summary>
    private static string TwilioSignature(string token, string url, Dictionary<string, string> fields)
    {
        var data = url + string.Concat(fields.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Key + f.Value));
#pragma warning disable CA5350 // Twilio's scheme, reproduced to sign like Twilio does.
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(data)));
#pragma warning restore CA5350
    }
}
