using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.Notifications.Webhooks;
using RiskPlatform.Infrastructure.Notifications;
using RiskPlatform.Infrastructure.Persistence;
using RiskPlatform.TestSupport;

namespace RiskPlatform.Infrastructure.IntegrationTests.Webhooks;

/// <summary>
/// The webhook sender as the service wires it (no redirects, the connect-time address guard, the timeout and the capped
/// response read), against small servers on loopback.
/// </summary>
public sealed class WebhookSenderTests : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly int _port = FreeTcpPorts.Next();
    private int _requests;

    public WebhookSenderTests()
    {
        _listener.Prefixes.Add($"http://127.0.0.1:{_port}/");
    }

    [Fact]
    public async Task Send_ToANameThatResolvesToLoopback_IsRefusedWithoutConnecting()
    {
        using var tcp = new TcpListener(IPAddress.Loopback, _port);
        tcp.Start();
        var sender = Sender(allowLoopback: false);

        var result = await sender.SendAsync(Message($"https://localhost:{_port}/hook"), TestContext.Current.CancellationToken);

        Assert.Equal(WebhookSendOutcome.Refused, result.Outcome);
        Assert.Contains("loopback", result.Error, StringComparison.Ordinal);
        Assert.False(tcp.Pending(), "a connection reached the loopback listener");
    }

    [Fact]
    public async Task Send_WhenTheReceiverRedirects_DoesNotFollow()
    {
        Serve(context =>
        {
            context.Response.StatusCode = 307;
            context.Response.RedirectLocation = "http://169.254.169.254/latest/meta-data/";
        });

        var result = await Sender().SendAsync(Message($"http://127.0.0.1:{_port}/hook"), TestContext.Current.CancellationToken);

        Assert.Equal((WebhookSendOutcome.Failed, 307), (result.Outcome, result.StatusCode));
        Assert.Contains("redirects are not followed", result.Error, StringComparison.Ordinal);
        Assert.Equal(1, Volatile.Read(ref _requests));
    }

    [Fact]
    public async Task Send_WhenTheReceiverAnswersALargeError_KeepsOnlyTheStartOfIt()
    {
        Serve(context =>
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

        var result = await Sender().SendAsync(Message($"http://127.0.0.1:{_port}/hook"), TestContext.Current.CancellationToken);

        Assert.Equal((WebhookSendOutcome.Failed, 500), (result.Outcome, result.StatusCode));
        Assert.StartsWith("HTTP 500: xxx", result.Error, StringComparison.Ordinal);
        Assert.True(result.Error!.Length < 300, $"the error kept {result.Error.Length} characters");
    }

    [Fact]
    public async Task Send_WhenTheReceiverDoesNotAnswerInTime_FailsAfterTheTimeout()
    {
        using var release = new ManualResetEventSlim();
        Serve(context =>
        {
            release.Wait(TimeSpan.FromSeconds(10));
            context.Response.StatusCode = 204;
        });
        var started = Stopwatch.GetTimestamp();

        var result = await Sender(timeout: "00:00:01").SendAsync(Message($"http://127.0.0.1:{_port}/hook"), TestContext.Current.CancellationToken);

        release.Set();
        Assert.Equal(WebhookSendOutcome.Failed, result.Outcome);
        Assert.Equal("No answer within 1 s", result.Error);
        Assert.InRange(Stopwatch.GetElapsedTime(started), TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(5));
    }

    public void Dispose()
    {
        if (_listener.IsListening)
        {
            _listener.Stop();
        }

        _listener.Close();
    }

    private static WebhookMessage Message(string url) =>
        new(new Uri(url), "msg_test", DateTimeOffset.UtcNow, """{"type":"webhook.test"}""", [WebhookSecret.New()]);

    private static IWebhookSender Sender(bool allowLoopback = true, string timeout = "00:00:10")
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Notifications:Webhooks:AllowLoopback"] = allowLoopback ? "true" : "false",
            ["Notifications:Webhooks:Timeout"] = timeout,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddNotificationChannels(configuration, new TestEnvironment(), DatabaseProvider.Sqlite);
        return services.BuildServiceProvider().GetRequiredService<IWebhookSender>();
    }

    private void Serve(Action<HttpListenerContext> answer)
    {
        _listener.Start();
        _ = Task.Run(async () =>
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }

                Interlocked.Increment(ref _requests);
                answer(context);
                try
                {
                    context.Response.Close();
                }
                catch (Exception exception) when (exception is HttpListenerException or IOException or ObjectDisposedException)
                {
                    // The client went away first.
                }
            }
        });
    }

    private sealed class TestEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";

        public string ApplicationName { get; set; } = "RiskPlatform.Tests";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
