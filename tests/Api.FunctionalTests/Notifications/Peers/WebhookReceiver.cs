using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using StandardWebhooks;
using StandardWebhooks.Diagnostics;

namespace RiskPlatform.Api.FunctionalTests.Notifications.Peers;

/// <summary>
/// A webhook consumer on loopback that checks every message the way the Standard Webhooks specification tells receivers
/// to, written here from the specification and independent of the sending code: the HMAC-SHA256 of
/// "{webhook-id}.{webhook-timestamp}.{body}" under the base64-decoded part of a <c>whsec_</c> secret must match one of the
/// space-separated <c>v1,</c> signatures; the timestamp must be within <see cref="Tolerance"/> of the receiver's clock; a
/// <c>webhook-id</c> already accepted is a replay. Accepted → 204; bad signature → 401; stale → 400; replay → 409.
/// It can also be told to fail (answer 500/503) a number of times first, to hold each answer for a while after judging the
/// message (<see cref="HoldAnswers"/>), and to answer a replay of a message it accepted 204 as a receiver that drops
/// duplicates does (<see cref="AcknowledgeReplays"/>; the verdict stays <see cref="WebhookVerdict.Replayed"/>).
/// Each message is also checked by the StandardWebhooks package's verifier (<see cref="ReceivedWebhook.ReferenceVerified"/>):
/// the sender signs with that package, so the HMAC written here is the judge independent of the sending code, and the
/// package's verdict shows that a receiver built on it accepts our messages.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();
    private readonly ConcurrentDictionary<string, bool> _acceptedIds = new(StringComparer.Ordinal);
    private readonly TimeProvider _clock;
    private volatile string[] _secrets = [];
    private int _failuresLeft;
    private int _failureStatus = StatusCodes.Status503ServiceUnavailable;
    private LoopbackHttpServer _server = null!;

    /// <summary>How long each answer waits after the message was judged (and, if accepted, counted).</summary>
    public TimeSpan HoldAnswers { get; set; } = TimeSpan.Zero;

    /// <summary>Answer a correctly signed replay of an accepted message 204 instead of 409.</summary>
    public bool AcknowledgeReplays { get; set; }

    private WebhookReceiver(TimeProvider clock) => _clock = clock;

    /// <summary>http://127.0.0.1:port/hook</summary>
    public Uri Url => new(_server.BaseUrl, "hook");

    public int Port => _server.Port;

    public IReadOnlyList<ReceivedWebhook> Received => [.. _received];

    public IReadOnlyList<ReceivedWebhook> Accepted => [.. _received.Where(r => r.Verdict == WebhookVerdict.Accepted)];

    /// <param name="clock">The sender's clock, so a test may move time forward without every message going stale.</param>
    public static async Task<WebhookReceiver> StartAsync(TimeProvider clock)
    {
        var receiver = new WebhookReceiver(clock);
        receiver._server = await LoopbackHttpServer.StartAsync(receiver.HandleAsync);
        return receiver;
    }

    /// <summary>The secrets a signature may be made with (the registration's, then the rotation's).</summary>
    public void Trust(params string[] secrets) => _secrets = secrets;

    /// <summary>Answers the next <paramref name="times"/> messages with <paramref name="status"/> before checking them.</summary>
    public void FailNext(int times, int status = StatusCodes.Status503ServiceUnavailable)
    {
        _failureStatus = status;
        Interlocked.Exchange(ref _failuresLeft, times);
    }

    /// <summary>The verdict for a message, by the specification's rules (also used to judge a replay or an altered copy).</summary>
    public WebhookVerdict Verify(string id, string timestamp, string signatureHeader, string body)
    {
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return WebhookVerdict.BadSignature;
        }

        var expected = _secrets.Select(secret => Sign(secret, id, timestamp, body)).ToList();
        var offered = signatureHeader.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(s => s.StartsWith("v1,", StringComparison.Ordinal))
            .Select(s => Convert.FromBase64String(s[3..]));
        if (!offered.Any(signature => expected.Any(e => CryptographicOperations.FixedTimeEquals(e, signature))))
        {
            return WebhookVerdict.BadSignature;
        }

        if ((_clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > Tolerance)
        {
            return WebhookVerdict.Stale;
        }

        return _acceptedIds.ContainsKey(id) ? WebhookVerdict.Replayed : WebhookVerdict.Accepted;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private static byte[] Sign(string secret, string id, string timestamp, string body) =>
        HMACSHA256.HashData(Convert.FromBase64String(secret["whsec_".Length..]), Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}"));

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var id = context.Request.Headers["webhook-id"].ToString();
        var timestamp = context.Request.Headers["webhook-timestamp"].ToString();
        var signature = context.Request.Headers["webhook-signature"].ToString();

        WebhookVerdict verdict;
        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            verdict = WebhookVerdict.Failing;
            context.Response.StatusCode = _failureStatus;
            await context.Response.WriteAsync("receiver is having a bad day", context.RequestAborted);
        }
        else
        {
            verdict = Verify(id, timestamp, signature, body);
            if (verdict == WebhookVerdict.Accepted && !_acceptedIds.TryAdd(id, true))
            {
                verdict = WebhookVerdict.Replayed;
            }

            _received.Enqueue(new ReceivedWebhook(id, timestamp, signature, body, verdict, VerifiedByReference(body, context.Request.Headers)));
            if (HoldAnswers > TimeSpan.Zero)
            {
                await Task.Delay(HoldAnswers, CancellationToken.None);
            }

            context.Response.StatusCode = verdict switch
            {
                WebhookVerdict.Accepted => StatusCodes.Status204NoContent,
                WebhookVerdict.Stale => StatusCodes.Status400BadRequest,
                WebhookVerdict.Replayed when AcknowledgeReplays => StatusCodes.Status204NoContent,
                WebhookVerdict.Replayed => StatusCodes.Status409Conflict,
                _ => StatusCodes.Status401Unauthorized,
            };
            return;
        }

        _received.Enqueue(new ReceivedWebhook(id, timestamp, signature, body, verdict, ReferenceVerified: false));
    }

    /// <summary>
    /// Whether the reference implementation accepts the message under any trusted secret (its clock is the real one). Its
    /// verifier reads only the first of two signatures (docs/decisions/021), so each signature is put to it on its own, as a
    /// receiver built on it checks the previous secret during a rotation.
    /// </summary>
    private bool VerifiedByReference(string body, IHeaderDictionary headers) =>
        headers["webhook-signature"].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(signature => _secrets.Any(secret =>
        {
            var single = new HeaderDictionary
            {
                ["webhook-id"] = headers["webhook-id"],
                ["webhook-timestamp"] = headers["webhook-timestamp"],
                ["webhook-signature"] = signature,
            };
            try
            {
                new StandardWebhook(secret).Verify(body, single);
                return true;
            }
            catch (WebhookVerificationException)
            {
                return false;
            }
        }));
}

public enum WebhookVerdict
{
    Accepted,
    BadSignature,
    Stale,
    Replayed,
    Failing,
}

/// <summary>One message as it arrived, with the receiver's verdict and whether the reference implementation accepted it.</summary>
public sealed record ReceivedWebhook(string Id, string Timestamp, string SignatureHeader, string Body, WebhookVerdict Verdict, bool ReferenceVerified);
