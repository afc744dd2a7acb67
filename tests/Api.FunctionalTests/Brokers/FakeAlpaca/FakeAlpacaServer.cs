using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RiskPlatform.Api.FunctionalTests.Brokers.FakeAlpaca;

/// <summary>
/// A stand-in for Alpaca's trading and market-data APIs on 127.0.0.1 (a real Kestrel server on a free port): a small stateful
/// simulator (<see cref="FakeAlpacaSimulator"/>) answering with the documented JSON shapes, with failures injected per route.
/// The API key id also chooses a failure on every route: a key starting with <see cref="Reject401"/> gets 401,
/// <see cref="Forbid403"/> 403, <see cref="Boom500"/> 500, <see cref="Slow"/> an answer after <see cref="SlowDelay"/>,
/// <see cref="Huge"/> a 2 MB body with Content-Length, <see cref="HugeChunked"/> a 2 MB body without it, <see cref="Redirect"/>
/// a 302 to /v2/account, <see cref="StallMidBody"/> a 200 whose body stops after its first bytes for <see cref="StallDelay"/>.
/// Every request's credential headers are recorded.
/// </summary>
public sealed class FakeAlpacaServer : IAsyncDisposable
{
    public const string Reject401 = "REJECT401";
    public const string Forbid403 = "FORBID403";
    public const string Boom500 = "BOOM500";
    public const string Slow = "SLOW";
    public const string Huge = "HUGE";
    public const string HugeChunked = "CHUNKED";
    public const string Redirect = "REDIRECT";
    public const string StallMidBody = "STALL";

    public static readonly TimeSpan SlowDelay = TimeSpan.FromSeconds(5);

    /// <summary>How long a <see cref="StallMidBody"/> answer pauses after its headers and first bytes (then it completes).</summary>
    public static readonly TimeSpan StallDelay = TimeSpan.FromSeconds(20);

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<FakeAlpacaRequest> _requests;

    private FakeAlpacaServer(
        WebApplication app,
        Uri baseUrl,
        ConcurrentQueue<FakeAlpacaRequest> requests,
        FakeAlpacaSimulator simulator,
        FakeAlpacaStream stream,
        FakeAlpacaDataStream dataStream)
    {
        _app = app;
        BaseUrl = baseUrl;
        _requests = requests;
        Simulator = simulator;
        Stream = stream;
        DataStream = dataStream;
    }

    public Uri BaseUrl { get; }

    /// <summary>The trade-update stream's URL (ws://…/stream).</summary>
    public Uri StreamUrl => new($"ws://{BaseUrl.Authority}/stream");

    /// <summary>The trade-update stream: every order change of the simulator is pushed to its listening clients.</summary>
    public FakeAlpacaStream Stream { get; }

    /// <summary>The market-data stream's URL (ws://…/v2/iex).</summary>
    public Uri DataStreamUrl => new($"ws://{BaseUrl.Authority}/v2/iex");

    /// <summary>The market-data stream: every quote the simulator sets is pushed to the clients subscribed to its symbol.</summary>
    public FakeAlpacaDataStream DataStream { get; }

    /// <summary>The account, positions, orders and quotes behind the answers; tests set quotes and inject failures through it.</summary>
    public FakeAlpacaSimulator Simulator { get; }

    /// <summary>The requests received on one route (e.g. "POST /v2/orders"), in order.</summary>
    public IReadOnlyList<FakeAlpacaRequest> ReceivedOn(string route) => [.. _requests.Where(r => r.Route == route)];

    /// <summary>The requests received so far, in order.</summary>
    public IReadOnlyList<FakeAlpacaRequest> Received => [.. _requests];

    public static async Task<FakeAlpacaServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var requests = new ConcurrentQueue<FakeAlpacaRequest>();
        var simulator = new FakeAlpacaSimulator();
        var stream = new FakeAlpacaStream();
        simulator.OrderChanged += stream.Publish;
        var dataStream = new FakeAlpacaDataStream();
        simulator.QuoteChanged += dataStream.PublishQuote;
        app.UseWebSockets();
        app.Use(async (context, next) =>
        {
            // The streams authenticate inside the WebSocket, not with headers.
            if (context.Request.Path == "/stream")
            {
                await stream.HandleAsync(context);
                return;
            }

            if (context.Request.Path == "/v2/iex")
            {
                await dataStream.HandleAsync(context);
                return;
            }

            await next(context);
        });
        app.Use(async (context, next) =>
        {
            var keyId = context.Request.Headers["APCA-API-KEY-ID"].ToString();
            using var reader = new StreamReader(context.Request.Body);
            var requestBody = await reader.ReadToEndAsync(context.RequestAborted);
            context.Items[FakeAlpacaSimulator.BodyItem] = requestBody;
            requests.Enqueue(new FakeAlpacaRequest(
                context.Request.Method, context.Request.Path + context.Request.QueryString, keyId,
                context.Request.Headers["APCA-API-SECRET-KEY"].ToString(), requestBody));
            if (keyId.Length == 0)
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                await context.Response.WriteAsJsonAsync(new Dictionary<string, object> { ["code"] = 40110000, ["message"] = "request is not authorized" });
                return;
            }

            var failure = keyId switch
            {
                _ when keyId.StartsWith(Reject401, StringComparison.Ordinal) => StatusCodes.Status401Unauthorized,
                _ when keyId.StartsWith(Forbid403, StringComparison.Ordinal) => StatusCodes.Status403Forbidden,
                _ when keyId.StartsWith(Boom500, StringComparison.Ordinal) => StatusCodes.Status500InternalServerError,
                _ => 0,
            };
            if (keyId.StartsWith(Slow, StringComparison.Ordinal))
            {
                await Task.Delay(SlowDelay, context.RequestAborted);
            }

            if (failure != 0)
            {
                context.Response.StatusCode = failure;
                await context.Response.WriteAsJsonAsync(new Dictionary<string, object>
                {
                    ["code"] = failure * 100_000,
                    ["message"] = failure == 500 ? "internal server error" : "forbidden.",
                });
                return;
            }

            if (keyId.StartsWith(StallMidBody, StringComparison.Ordinal))
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("{\"status\":\"ACTIVE\",", context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                await Task.Delay(StallDelay, context.RequestAborted);
                await context.Response.WriteAsync("\"account_number\":\"PA3FAKE0001\"}", context.RequestAborted);
                return;
            }

            if (keyId.StartsWith(Huge, StringComparison.Ordinal) || keyId.StartsWith(HugeChunked, StringComparison.Ordinal))
            {
                var body = System.Text.Encoding.UTF8.GetBytes($"{{\"status\":\"ACTIVE\",\"padding\":\"{new string('x', 2 * 1024 * 1024)}\"}}");
                context.Response.ContentType = "application/json";
                if (keyId.StartsWith(Huge, StringComparison.Ordinal))
                {
                    context.Response.ContentLength = body.Length;
                    await context.Response.Body.WriteAsync(body, context.RequestAborted);
                    return;
                }

                for (var offset = 0; offset < body.Length; offset += 64 * 1024)
                {
                    await context.Response.Body.WriteAsync(body.AsMemory(offset, Math.Min(64 * 1024, body.Length - offset)), context.RequestAborted);
                    await context.Response.Body.FlushAsync(context.RequestAborted);
                }

                return;
            }

            if (keyId.StartsWith(Redirect, StringComparison.Ordinal) && context.Request.Path == "/v2/account")
            {
                context.Response.Redirect("/v2/account?redirected=true");
                return;
            }

            await next(context);
        });
        app.Run(simulator.HandleAsync);

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new FakeAlpacaServer(app, new Uri(address), requests, simulator, stream, dataStream);
    }

    public async ValueTask DisposeAsync()
    {
        await Stream.DisposeAsync();
        await DataStream.DisposeAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
