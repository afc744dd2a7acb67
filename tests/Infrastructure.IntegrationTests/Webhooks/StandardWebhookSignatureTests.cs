using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using RiskPlatform.Domain.Notifications.Webhooks;
using RiskPlatform.Infrastructure.Webhooks;
using StandardWebhooks;
using StandardWebhooks.Diagnostics;

namespace RiskPlatform.Infrastructure.IntegrationTests.Webhooks;

/// <summary>
/// Our webhook signature header, made with the StandardWebhooks package: the specification's published example, the
/// rotation overlap's two signatures (each checked by an HMAC written here and by the package's verifier), and the
/// package verifier's limit with two signatures that docs/decisions/021 tells receivers about.
/// </summary>
public sealed class StandardWebhookSignatureTests
{
    private const string Body = """{"type":"notification.risk_breach","data":{"id":1}}""";

    [Fact]
    public void Header_OfTheSpecificationsExample_IsItsPublishedSignature()
    {
        // The Standard Webhooks specification's example: secret, message id, timestamp, payload and signature.
        var header = StandardWebhookSignature.Header(
            ["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"],
            "msg_p5jXN8AQM9LWM0D4loKWxJek",
            DateTimeOffset.FromUnixTimeSeconds(1614265330),
            """{"test": 2432232314}""");

        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", header);
    }

    [Fact]
    public void Header_DuringARotation_CarriesOneSignaturePerSecret_NewFirst_EachVerifiable()
    {
        string newSecret = WebhookSecret.New(), oldSecret = WebhookSecret.New();
        var now = DateTimeOffset.UtcNow;

        var signatures = StandardWebhookSignature.Header([newSecret, oldSecret], "msg_rotation", now, Body).Split(' ');

        Assert.Equal(2, signatures.Length);
        Assert.Equal(Hmac(newSecret, "msg_rotation", now, Body), signatures[0]);
        Assert.Equal(Hmac(oldSecret, "msg_rotation", now, Body), signatures[1]);
        Assert.Null(Record.Exception(() => new StandardWebhook(newSecret).Verify(Body, Headers("msg_rotation", now, signatures[0]))));
        Assert.Null(Record.Exception(() => new StandardWebhook(oldSecret).Verify(Body, Headers("msg_rotation", now, signatures[1]))));
        Assert.Throws<WebhookVerificationException>(() => new StandardWebhook(oldSecret).Verify(Body + " ", Headers("msg_rotation", now, signatures[1])));
    }

    [Fact]
    public void PackageVerifier_GivenTheOverlapsWholeHeader_ChecksOnlyTheFirstSignature()
    {
        // StandardWebhooks 1.1.2 stops after the first of two signatures: a receiver built on it verifies the new secret
        // (signed first) but not yet the old one. If a later version reads them all, this test fails and the README's
        // advice to such receivers can go.
        string newSecret = WebhookSecret.New(), oldSecret = WebhookSecret.New();
        var now = DateTimeOffset.UtcNow;
        var header = Headers("msg_overlap", now, StandardWebhookSignature.Header([newSecret, oldSecret], "msg_overlap", now, Body));

        Assert.Null(Record.Exception(() => new StandardWebhook(newSecret).Verify(Body, header)));
        Assert.Throws<WebhookVerificationException>(() => new StandardWebhook(oldSecret).Verify(Body, header));
    }

    private static HeaderDictionary Headers(string id, DateTimeOffset timestamp, string signature) => new()
    {
        [StandardWebhookSignature.IdHeader] = id,
        [StandardWebhookSignature.TimestampHeader] = timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
        [StandardWebhookSignature.SignatureHeader] = signature,
    };

    /// <summary>The specification's rule, written here: v1, base64(HMAC-SHA256(decoded secret, "id.timestamp.body")).</summary>
    private static string Hmac(string secret, string id, DateTimeOffset timestamp, string body) =>
        "v1," + Convert.ToBase64String(HMACSHA256.HashData(
            Convert.FromBase64String(secret["whsec_".Length..]), Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{id}.{timestamp.ToUnixTimeSeconds()}.{body}"))));
}
