using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using RiskPlatform.Api.FunctionalTests.Infrastructure;

namespace RiskPlatform.Api.FunctionalTests.Notifications.Peers;

/// <summary>
/// Twilio's Messages API on loopback: <c>POST /2010-04-01/Accounts/{AccountSid}/Messages.json</c> with HTTP basic auth
/// (account SID and auth token) and form fields To, From or MessagingServiceSid, and Body. Answers in Twilio's shapes:
/// 201 with the message resource (<c>sid</c> "SM…", status queued); 401 with error 20003 on wrong credentials; 400 with
/// error 21211 for <see cref="InvalidNumber"/> and 21610 for <see cref="UnsubscribedNumber"/>; 400 error 21602 without a
/// body; 503 (error 20503) while told to fail. Accepted messages are counted before the answer, which can be held
/// (<see cref="HoldAnswers"/>), as a sender killed mid-request finds Twilio has the message all the same.
/// </summary>
public sealed class FakeTwilio : IAsyncDisposable
{
    public const string AccountSid = "AC00000000000000000000000000000001";
    public const string AuthToken = "twilio-auth-token-canary-5c1e";
    public const string From = "+15005550006";

    /// <summary>Twilio's magic test number for an invalid 'To'.</summary>
    public const string InvalidNumber = "+15005550001";

    public const string UnsubscribedNumber = "+15005550004";

    private readonly ConcurrentQueue<TwilioMessageRequest> _requests = new();
    private readonly ConcurrentQueue<string> _sids = new();
    private int _failuresLeft;
    private LoopbackHttpServer _server = null!;

    public Uri BaseUrl => _server.BaseUrl;

    public IReadOnlyList<TwilioMessageRequest> Requests => [.. _requests];

    /// <summary>The message SIDs of the messages accepted (201), in order.</summary>
    public IReadOnlyList<string> AcceptedSids => [.. _sids];

    public static async Task<FakeTwilio> StartAsync()
    {
        var fake = new FakeTwilio();
        fake._server = await LoopbackHttpServer.StartAsync(fake.HandleAsync);
        return fake;
    }

    /// <summary>How long each accepted message's answer waits after it was accepted (and counted): a send in flight.</summary>
    public TimeSpan HoldAnswers { get; set; } = TimeSpan.Zero;

    public void FailNext(int times) => Interlocked.Exchange(ref _failuresLeft, times);

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private static Task ErrorAsync(HttpContext context, int status, int code, string message)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new Dictionary<string, object>
        {
            ["code"] = code,
            ["message"] = message,
            ["more_info"] = $"https://www.twilio.com/docs/errors/{code}",
            ["status"] = status,
        });
    }

    private async Task HandleAsync(HttpContext context)
    {
        var expectedAuth = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AccountSid}:{AuthToken}"));
        var authorized = context.Request.Headers.Authorization.ToString() == expectedAuth;
        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted) : FormCollection.Empty;
        var request = new TwilioMessageRequest(
            context.Request.Method,
            context.Request.Path.ToString(),
            authorized,
            form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal));
        _requests.Enqueue(request);

        if (context.Request.Method != HttpMethods.Post || context.Request.Path != $"/2010-04-01/Accounts/{AccountSid}/Messages.json")
        {
            await ErrorAsync(context, StatusCodes.Status404NotFound, 20404, "The requested resource was not found");
            return;
        }

        if (!authorized)
        {
            await ErrorAsync(context, StatusCodes.Status401Unauthorized, 20003, "Authenticate");
            return;
        }

        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            await ErrorAsync(context, StatusCodes.Status503ServiceUnavailable, 20503, "Service unavailable");
            return;
        }

        var to = request.Field("To");
        if (string.IsNullOrEmpty(request.Field("Body")) || string.IsNullOrEmpty(to)
            || (string.IsNullOrEmpty(request.Field("From")) && string.IsNullOrEmpty(request.Field("MessagingServiceSid"))))
        {
            await ErrorAsync(context, StatusCodes.Status400BadRequest, 21602, "Message body is required.");
            return;
        }

        switch (to)
        {
            case InvalidNumber:
                await ErrorAsync(context, StatusCodes.Status400BadRequest, 21211, $"The 'To' number {to} is not a valid phone number.");
                return;
            case UnsubscribedNumber:
                await ErrorAsync(context, StatusCodes.Status400BadRequest, 21610, "Attempt to send to unsubscribed recipient");
                return;
        }

        var sid = string.Create(CultureInfo.InvariantCulture, $"SM{Guid.NewGuid():N}");
        _sids.Enqueue(sid);
        if (HoldAnswers > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(HoldAnswers, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return; // the caller went away (killed): the message stays accepted, as at Twilio
            }
        }

        context.Response.StatusCode = StatusCodes.Status201Created;
        await context.Response.WriteAsJsonAsync(new Dictionary<string, object?>
        {
            ["sid"] = sid,
            ["account_sid"] = AccountSid,
            ["to"] = to,
            ["from"] = request.Field("From"),
            ["messaging_service_sid"] = request.Field("MessagingServiceSid"),
            ["body"] = request.Field("Body"),
            ["status"] = "queued",
            ["num_segments"] = "1",
            ["error_code"] = null,
            ["error_message"] = null,
            ["api_version"] = "2010-04-01",
        });
    }
}

/// <summary>One request to the fake, whatever its answer: whether its basic auth was right, and its form fields.</summary>
public sealed record TwilioMessageRequest(string Method, string Path, bool Authorized, IReadOnlyDictionary<string, string> Form)
{
    public string? Field(string name) => Form.GetValueOrDefault(name);
}
