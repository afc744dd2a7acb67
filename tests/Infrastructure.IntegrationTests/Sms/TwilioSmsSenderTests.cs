using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using RiskPlatform.Application.Common.Sms;
using RiskPlatform.Infrastructure.IntegrationTests.Notifications;
using RiskPlatform.Infrastructure.Sms;

namespace RiskPlatform.Infrastructure.IntegrationTests.Sms;

/// <summary>
/// The Twilio sender as the service wires it (Twilio's SDK over our HTTP client), against a small server on loopback: the
/// base URL, our timeout and the caller's cancellation reach the SDK's request; answers that are not Twilio's are retried,
/// never taken for a sent message; the error codes keep their permanent or retryable meaning.
/// </summary>
public sealed class TwilioSmsSenderTests : IDisposable
{
    private const string AccountSid = "AC00000000000000000000000000000042";
    private const string AuthToken = "twilio-sender-test-token-7d3a";
    private readonly LoopbackListener _twilio = new();

    [Fact]
    public async Task Send_GoesToTheBaseUrl_AsTheMessagesApiForm_AndKeepsTheSid()
    {
        string? path = null, authorization = null, form = null;
        _twilio.Serve(context =>
        {
            (path, authorization) = (context.Request.Url!.AbsolutePath, context.Request.Headers["Authorization"]);
            form = new StreamReader(context.Request.InputStream).ReadToEnd();
            Answer(context, 201, """{"sid": "SM0123456789abcdef0123456789abcdef", "status": "queued"}""");
        });

        var result = await Sender().SendAsync("+12125550100", "RiskPlatform: Test", withStatusCallback: true, TestContext.Current.CancellationToken);

        Assert.Equal(new SmsSendResult(Sent: true, ProviderId: "SM0123456789abcdef0123456789abcdef"), result);
        Assert.Equal($"/2010-04-01/Accounts/{AccountSid}/Messages.json", path);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AccountSid}:{AuthToken}")), authorization);
        var fields = form!.Split('&').Select(f => f.Split('=')).ToDictionary(f => f[0], f => Uri.UnescapeDataString(f[1].Replace('+', ' ')));
        Assert.Equal(("+12125550100", "+15005550006", "RiskPlatform: Test", "https://riskplatform.test/sms/status"), (fields["To"], fields["From"], fields["Body"], fields["StatusCallback"]));
    }

    [Theory]
    [InlineData(400, 21211, true)]
    [InlineData(400, 21610, true)]
    [InlineData(429, 21211, false)]
    [InlineData(401, 20003, false)]
    [InlineData(503, 20503, false)]
    public async Task Send_WhenTwilioRefuses_TheCodeDecidesWhetherItIsPermanent(int status, int code, bool permanent)
    {
        _twilio.Serve(context => Answer(context, status, $$"""{"code": {{code}}, "message": "refused", "status": {{status}}}"""));

        var result = await Sender().SendAsync("+12125550100", "text", TestContext.Current.CancellationToken);

        Assert.False(result.Sent);
        Assert.Equal(permanent, result.Permanent);
        Assert.Equal($"Twilio answered HTTP {status} error {code}: refused", result.Error);
    }

    [Theory]
    [InlineData(302)]
    [InlineData(200)]
    public async Task Send_WhenTheAnswerIsNotTwilios_IsRetriedNotTakenAsSent(int status)
    {
        _twilio.Serve(context =>
        {
            context.Response.RedirectLocation = "https://login.example.test/";
            Answer(context, status, "<html>a proxy's page</html>", "text/html");
        });

        var result = await Sender().SendAsync("+12125550100", "text", TestContext.Current.CancellationToken);

        Assert.Equal(new SmsSendResult(Sent: false, Error: "Twilio's answer could not be read as a message"), result);
        Assert.Equal(1, _twilio.Requests);
    }

    [Fact]
    public async Task Send_WhenTheErrorIsALongPage_KeepsOnlyItsStart_AndNeverTheToken()
    {
        _twilio.Serve(context => Answer(context, 502, "<html>" + new string('x', 20_000) + "</html>", "text/html"));

        var result = await Sender().SendAsync("+12125550100", "text", TestContext.Current.CancellationToken);

        Assert.False(result.Sent || result.Permanent);
        Assert.StartsWith("Twilio answered: ", result.Error, StringComparison.Ordinal);
        Assert.True(result.Error!.Length < 300, $"the error kept {result.Error.Length} characters");
        Assert.DoesNotContain(AuthToken, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_WhenTwilioDoesNotAnswerInTime_FailsAfterTheTimeout()
    {
        using var release = AnswerOnlyWhenReleased();
        var started = Stopwatch.GetTimestamp();

        var result = await Sender(timeout: "00:00:01").SendAsync("+12125550100", "text", TestContext.Current.CancellationToken);

        release.Set();
        Assert.Equal(new SmsSendResult(Sent: false, Error: "Twilio did not answer within 1 s"), result);
        Assert.InRange(Stopwatch.GetElapsedTime(started), TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Send_WhenTheCallerCancels_StopsWaitingAtOnce()
    {
        using var release = AnswerOnlyWhenReleased();
        using var caller = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        caller.CancelAfter(TimeSpan.FromMilliseconds(300));
        var started = Stopwatch.GetTimestamp();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Sender().SendAsync("+12125550100", "text", caller.Token));

        release.Set();
        Assert.InRange(Stopwatch.GetElapsedTime(started), TimeSpan.FromSeconds(0.2), TimeSpan.FromSeconds(3));
    }

    public void Dispose() => _twilio.Dispose();

    private static void Answer(HttpListenerContext context, int status, string body, string contentType = "application/json")
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.OutputStream.Write(Encoding.UTF8.GetBytes(body));
    }

    /// <summary>Twilio takes the message but answers only once released (or after 10 s).</summary>
    private ManualResetEventSlim AnswerOnlyWhenReleased()
    {
        var release = new ManualResetEventSlim();
        _twilio.Serve(context =>
        {
            release.Wait(TimeSpan.FromSeconds(10));
            Answer(context, 201, """{"sid": "SMlate"}""");
        });
        return release;
    }

    private TwilioSmsSender Sender(string timeout = "00:00:10") =>
        NotificationChannelServices.Build(new()
        {
            ["Sms:Twilio:AccountSid"] = AccountSid,
            ["Sms:Twilio:AuthToken"] = AuthToken,
            ["Sms:Twilio:From"] = "+15005550006",
            ["Sms:Twilio:BaseUrl"] = _twilio.BaseUrl.ToString(),
            ["Sms:Twilio:StatusCallbackUrl"] = "https://riskplatform.test/sms/status",
            ["Sms:Twilio:Timeout"] = timeout,
        }).GetRequiredService<TwilioSmsSender>();
}
