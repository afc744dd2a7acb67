using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using RiskPlatform.Api.FunctionalTests.Infrastructure;

namespace RiskPlatform.Api.FunctionalTests.Notifications.Peers;

/// <summary>
/// A Web Push service on loopback (RFC 8030) that holds each subscribed browser's private keys and judges every message
/// as the browser and the push service together would, written here from the RFCs and independent of the sending code:
/// <list type="bullet">
/// <item>VAPID (RFC 8292): <c>Authorization: vapid t=&lt;JWT&gt;, k=&lt;key&gt;</c>; the key must be the application server key
/// the browser subscribed with (else 403), and the JWT an ES256 signature by that key over a header and claims with
/// <c>aud</c> = the endpoint's origin, <c>exp</c> in the future and at most 24 hours ahead, and a <c>mailto:</c> or
/// <c>https:</c> <c>sub</c> (else 401);</item>
/// <item>a <c>TTL</c> header (else 400) and <c>Content-Encoding: aes128gcm</c> (else 415);</item>
/// <item>the body decrypted by RFC 8291 / RFC 8188 with the browser's private key and auth secret: the ECDH secret with the
/// sender's key from the record header, HKDF-SHA-256 to the key and nonce, AES-128-GCM per record, padding delimiter
/// checked (else 400).</item>
/// </list>
/// Accepted → 201 and the plaintext kept. It can also answer 410 for a browser that went away (<see cref="Expire"/>) and
/// fail a number of messages first (<see cref="FailNext"/>).
/// </summary>
public sealed class FakePushService : IAsyncDisposable
{
    private static readonly byte[] WebPushInfo = Encoding.ASCII.GetBytes("WebPush: info\0");
    private static readonly byte[] CekInfo = Encoding.ASCII.GetBytes("Content-Encoding: aes128gcm\0");
    private static readonly byte[] NonceInfo = Encoding.ASCII.GetBytes("Content-Encoding: nonce\0");

    private readonly ConcurrentDictionary<string, PushBrowser> _browsers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _gone = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<ReceivedPush> _received = new();
    private int _failuresLeft;
    private int _failureStatus = StatusCodes.Status503ServiceUnavailable;
    private LoopbackHttpServer _server = null!;

    private FakePushService()
    {
    }

    public IReadOnlyList<ReceivedPush> Received => [.. _received];

    public IReadOnlyList<ReceivedPush> Accepted => [.. _received.Where(r => r.Verdict == PushVerdict.Accepted)];

    public static async Task<FakePushService> StartAsync()
    {
        var service = new FakePushService();
        service._server = await LoopbackHttpServer.StartAsync(service.HandleAsync);
        return service;
    }

    /// <summary>A browser subscribing with <paramref name="applicationServerKey"/> (the VAPID public key the service gave it).</summary>
    public PushBrowser Subscribe(string applicationServerKey)
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var browser = new PushBrowser(new Uri(_server.BaseUrl, $"push/{token}"), applicationServerKey);
        _browsers[token] = browser;
        return browser;
    }

    /// <summary>From now on the browser's endpoint answers 410 Gone (the user revoked the permission).</summary>
    public void Expire(PushBrowser browser) => _gone[Token(browser.Endpoint)] = true;

    public void FailNext(int times, int status = StatusCodes.Status503ServiceUnavailable)
    {
        _failureStatus = status;
        Interlocked.Exchange(ref _failuresLeft, times);
    }

    /// <summary>Judges a message without keeping it (a test's forged or altered copy).</summary>
    public (PushVerdict Verdict, string? Plaintext) Judge(Uri endpoint, string? authorization, string? ttl, string? contentEncoding, byte[] body)
    {
        if (!_browsers.TryGetValue(Token(endpoint), out var browser))
        {
            return (PushVerdict.UnknownSubscription, null);
        }

        if (VapidVerdict(endpoint, browser, authorization) is { } refused)
        {
            return (refused, null);
        }

        if (!int.TryParse(ttl, out var seconds) || seconds < 0)
        {
            return (PushVerdict.NoTtl, null);
        }

        if (!string.Equals(contentEncoding, "aes128gcm", StringComparison.Ordinal))
        {
            return (PushVerdict.WrongEncoding, null);
        }

        var plaintext = Decrypt(browser, body);
        return plaintext is null ? (PushVerdict.Undecryptable, null) : (PushVerdict.Accepted, plaintext);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        foreach (var browser in _browsers.Values)
        {
            browser.Dispose();
        }
    }

    private static string Token(Uri endpoint) => endpoint.AbsolutePath.TrimEnd('/').Split('/')[^1];

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var request = context.Request;
        var endpoint = new Uri($"{request.Scheme}://{request.Host}{request.Path}");
        var authorization = request.Headers.Authorization.ToString();
        var ttl = request.Headers["TTL"].ToString();
        var urgency = request.Headers["Urgency"].ToString();
        var encoding = request.Headers.ContentEncoding.ToString();

        PushVerdict verdict;
        string? plaintext = null;
        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            verdict = PushVerdict.Failing;
        }
        else if (_gone.ContainsKey(Token(endpoint)))
        {
            verdict = PushVerdict.Gone;
        }
        else
        {
            (verdict, plaintext) = Judge(endpoint, authorization, ttl, encoding, body);
        }

        _received.Enqueue(new ReceivedPush(endpoint, verdict, plaintext, authorization, ttl, urgency, encoding, body));
        context.Response.StatusCode = verdict switch
        {
            PushVerdict.Accepted => StatusCodes.Status201Created,
            PushVerdict.Failing => _failureStatus,
            PushVerdict.Gone => StatusCodes.Status410Gone,
            PushVerdict.UnknownSubscription => StatusCodes.Status404NotFound,
            PushVerdict.WrongKey => StatusCodes.Status403Forbidden,
            PushVerdict.BadVapid => StatusCodes.Status401Unauthorized,
            PushVerdict.WrongEncoding => StatusCodes.Status415UnsupportedMediaType,
            _ => StatusCodes.Status400BadRequest,
        };
        if (verdict != PushVerdict.Accepted)
        {
            await context.Response.WriteAsync(verdict.ToString());
        }
    }

    /// <summary>RFC 8292 §3: the JWT's signature by the key in <c>k</c>, that key being the one the browser subscribed with, and the claims.</summary>
    private static PushVerdict? VapidVerdict(Uri endpoint, PushBrowser browser, string? authorization)
    {
        if (authorization is null || !authorization.StartsWith("vapid ", StringComparison.Ordinal))
        {
            return PushVerdict.BadVapid;
        }

        var parameters = authorization["vapid ".Length..].Split(',', StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        if (!parameters.TryGetValue("t", out var jwt) || !parameters.TryGetValue("k", out var key))
        {
            return PushVerdict.BadVapid;
        }

        if (!string.Equals(key, browser.ApplicationServerKey, StringComparison.Ordinal))
        {
            return PushVerdict.WrongKey;
        }

        var parts = jwt.Split('.');
        if (parts.Length != 3)
        {
            return PushVerdict.BadVapid;
        }

        var point = FromBase64Url(key);
        using var verifier = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = point[1..33], Y = point[33..] },
        });
        var signature = FromBase64Url(parts[2]);
        if (signature.Length != 64 || !verifier.VerifyData(Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), signature, HashAlgorithmName.SHA256))
        {
            return PushVerdict.BadVapid;
        }

        var header = JsonNode.Parse(FromBase64Url(parts[0]))!;
        var claims = JsonNode.Parse(FromBase64Url(parts[1]))!;
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var exp = claims["exp"]?.GetValue<long>() ?? 0;
        var aud = claims["aud"]?.GetValue<string>();
        var sub = claims["sub"]?.GetValue<string>() ?? string.Empty;

        // The audience is the push resource's origin. The sender writes it as scheme://host, as it must be for the real push
        // services (all on the default port); the loopback port of this fake is therefore not part of it.
        var audienceOk = aud == $"{endpoint.Scheme}://{endpoint.Host}" || aud == endpoint.GetLeftPart(UriPartial.Authority);
        var ok = header["alg"]?.GetValue<string>() == "ES256"
            && audienceOk
            && exp > now && exp <= now + (24 * 3600)
            && (sub.StartsWith("mailto:", StringComparison.Ordinal) || sub.StartsWith("https://", StringComparison.Ordinal));
        return ok ? null : PushVerdict.BadVapid;
    }

    /// <summary>RFC 8291 §3.4 and RFC 8188 §2: the browser's side of the message encryption.</summary>
    private static string? Decrypt(PushBrowser browser, byte[] body)
    {
        if (body.Length < 21 + 65 + 17)
        {
            return null;
        }

        var salt = body[..16];
        var recordSize = (int)BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(16, 4));
        var idLength = body[20];
        if (idLength != 65 || recordSize < 18 || body[21] != 0x04)
        {
            return null;
        }

        var senderPublic = body[21..(21 + 65)];
        var ciphertext = body[(21 + 65)..];
        try
        {
            using var sender = ECDiffieHellman.Create(new ECParameters
            {
                Curve = ECCurve.NamedCurves.nistP256,
                Q = new ECPoint { X = senderPublic[1..33], Y = senderPublic[33..] },
            });
            var ecdhSecret = browser.Key.DeriveRawSecretAgreement(sender.PublicKey);

            // IKM = HKDF(salt = auth_secret, ikm = ecdh_secret, info = "WebPush: info" 0x00 ua_public as_public, L = 32)
            byte[] keyInfo = [.. WebPushInfo, .. browser.PublicKeyBytes, .. senderPublic];
            var ikm = HKDF.DeriveKey(HashAlgorithmName.SHA256, ecdhSecret, 32, browser.AuthSecret, keyInfo);

            // RFC 8188: PRK = HKDF-Extract(salt, IKM); CEK and the nonce base expanded from it.
            var prk = HKDF.Extract(HashAlgorithmName.SHA256, ikm, salt);
            var cek = HKDF.Expand(HashAlgorithmName.SHA256, prk, 16, CekInfo);
            var nonceBase = HKDF.Expand(HashAlgorithmName.SHA256, prk, 12, NonceInfo);

            using var aes = new AesGcm(cek, 16);
            var plaintext = new List<byte>();
            var records = (ciphertext.Length + recordSize - 1) / recordSize;
            for (var i = 0; i < records; i++)
            {
                var record = ciphertext.AsSpan(i * recordSize, Math.Min(recordSize, ciphertext.Length - (i * recordSize)));
                if (record.Length < 17)
                {
                    return null;
                }

                var nonce = (byte[])nonceBase.Clone();
                var counter = BinaryPrimitives.ReadUInt64BigEndian(nonce.AsSpan(4)) ^ (ulong)i;
                BinaryPrimitives.WriteUInt64BigEndian(nonce.AsSpan(4), counter);
                var output = new byte[record.Length - 16];
                aes.Decrypt(nonce, record[..^16], record[^16..], output);

                // Content, then the delimiter (2 in the last record, 1 before), then zero padding.
                var end = output.Length - 1;
                while (end >= 0 && output[end] == 0)
                {
                    end--;
                }

                var last = i == records - 1;
                if (end < 0 || output[end] != (last ? 2 : 1))
                {
                    return null;
                }

                plaintext.AddRange(output[..end]);
            }

            return Encoding.UTF8.GetString([.. plaintext]);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private static byte[] FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded.PadRight(padded.Length + ((4 - (padded.Length % 4)) % 4), '='));
    }
}

/// <summary>A subscribed browser: its endpoint at the fake push service, its P-256 key pair and its auth secret.</summary>
public sealed class PushBrowser(Uri endpoint, string applicationServerKey) : IDisposable
{
    public Uri Endpoint { get; } = endpoint;

    public string ApplicationServerKey { get; } = applicationServerKey;

    public ECDiffieHellman Key { get; } = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);

    public byte[] AuthSecret { get; } = RandomNumberGenerator.GetBytes(16);

    public byte[] PublicKeyBytes
    {
        get
        {
            var q = Key.ExportParameters(includePrivateParameters: false).Q;
            return [0x04, .. q.X!, .. q.Y!];
        }
    }

    public string P256dh => ToBase64Url(PublicKeyBytes);

    public string Auth => ToBase64Url(AuthSecret);

    /// <summary>The body a page posts: what <c>PushSubscription.toJSON()</c> gives (the auth secret may be swapped for a wrong one).</summary>
    public object Subscription(string? auth = null) => new Dictionary<string, object?>
    {
        ["endpoint"] = Endpoint.AbsoluteUri,
        ["expirationTime"] = null,
        ["keys"] = new Dictionary<string, string> { ["p256dh"] = P256dh, ["auth"] = auth ?? Auth },
    };

    public void Dispose() => Key.Dispose();

    private static string ToBase64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

public sealed record ReceivedPush(
    Uri Endpoint, PushVerdict Verdict, string? Plaintext, string Authorization, string Ttl, string Urgency, string ContentEncoding, byte[] Body);

public enum PushVerdict
{
    Accepted,
    Failing,
    Gone,
    UnknownSubscription,
    WrongKey,
    BadVapid,
    NoTtl,
    WrongEncoding,
    Undecryptable,
}
