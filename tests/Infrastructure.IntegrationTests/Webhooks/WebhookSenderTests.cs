using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Common.Webhooks;
using RiskPlatform.Domain.Notifications.Webhooks;
using RiskPlatform.Infrastructure.IntegrationTests.Notifications;

namespace RiskPlatform.Infrastructure.IntegrationTests.Webhooks;

/// <summary>
/// The webhook sender as the service wires it (no redirects, the connect-time address guard, the timeout and the capped
/// response read), against small servers on loopback.
/// </summary>
public sealed class WebhookSenderTests : IDisposable
{
    private readonly LoopbackListener _receiver = new();

    [Fact]
    public async Task Send_ToANameThatResolvesToLoopback_IsRefusedWithoutConnecting()
    {
        using var tcp = new TcpListener(IPAddress.Loopback, _receiver.Port);
        tcp.Start();
        var sender = Sender(allowLoopback: false);

        var result = await sender.SendAsync(Message($"https://localhost:{_receiver.Port}/hook"), TestContext.Current.CancellationToken);

        Assert.Equal(WebhookSendOutcome.Refused, result.Outcome);
        Assert.Contains("loopback", result.Error, StringComparison.Ordinal);
        Assert.False(tcp.Pending(), "a connection reached the loopback listener");
    }

    [Fact]
    public async Task Send_WhenTheReceiverRedirects_DoesNotFollow()
    {
        _receiver.Serve(context =>
        {
            context.Response.StatusCode = 307;
            context.Response.RedirectLocation = "http://169.254.169.254/latest/meta-data/";
        });

        var result = await Sender().SendAsync(Message($"http://127.0.0.1:{_receiver.Port}/hook"), TestContext.Current.CancellationToken);

        Assert.Equal((WebhookSendOutcome.Failed, 307), (result.Outcome, result.StatusCode));
        Assert.Contains("redirects are not followed", result.Error, StringComparison.Ordinal);
        Assert.Equal(1, _receiver.Requests);
    }

    [Fact]
    public async Task Send_WhenTheReceiverAnswersALargeError_KeepsOnlyTheStartOfIt()
    {
        _receiver.Serve(context =>
        {
            context.Response.StatusCode = 500;
            context.Response.SendChunked = true;
            var chunk = Encoding.UTF8.GetBytes(new string('x', 64 * 1024));
            try
            {
                for (var i = 0; i < 64; i++)
                {
                    context.Response.OutputStream.Write(chunk);
                }
            }
            catch (Exception exception) when (exception is HttpListenerException or IOException)
            {
                // The sender stopped reading after its cap and closed the connection.
            }
        });

        var result = await Sender().SendAsync(Message($"http://127.0.0.1:{_receiver.Port}/hook"), TestContext.Current.CancellationToken);

        Assert.Equal((WebhookSendOutcome.Failed, 500), (result.Outcome, result.StatusCode));
        Assert.StartsWith("HTTP 500: xxx", result.Error, StringComparison.Ordinal);
        Assert.True(result.Error!.Length < 300, $"the error kept {result.Error.Length} characters");
    }

    [Fact]
    public async Task Send_WhenTheReceiverDoesNotAnswerInTime_FailsAfterTheTimeout()
    {
        using var release = new ManualResetEventSlim();
        _receiver.Serve(context =>
        {
            release.Wait(TimeSpan.FromSeconds(10));
            context.Response.StatusCode = 204;
        });
        var started = Stopwatch.GetTimestamp();

        var result = await Sender(timeout: "00:00:01").SendAsync(Message($"http://127.0.0.1:{_receiver.Port}/hook"), TestContext.Current.CancellationToken);

        release.Set();
        Assert.Equal(WebhookSendOutcome.Failed, result.Outcome);
        Assert.Equal("No answer within 1 s", result.Error);
        Assert.InRange(Stopwatch.GetElapsedTime(started), TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(5));
    }

    public void Dispose() => _receiver.Dispose();

    private static WebhookMessage Message(string url) =>
        new(new Uri(url), "msg_test", DateTimeOffset.UtcNow, """{"type":"webhook.test"}""", [WebhookSecret.New()]);

    private static IWebhookSender Sender(bool allowLoopback = true, string timeout = "00:00:10") =>
        NotificationChannelServices.Build(new()
        {
            ["Notifications:Webhooks:AllowLoopback"] = allowLoopback ? "true" : "false",
            ["Notifications:Webhooks:Timeout"] = timeout,
        }).GetRequiredService<IWebhookSender>();
}
