using System.Collections.Concurrent;
using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;

namespace RiskPlatform.Api.FunctionalTests.Brokers.FakeAlpaca;

/// <summary>
/// Alpaca's market-data stream (<c>/v2/iex</c> on the fake's host, as on <c>stream.data.alpaca.markets</c>), in text frames of
/// JSON arrays: <c>[{"T":"success","msg":"connected"}]</c> on opening; the client authenticates
/// (<c>{"action":"auth","key","secret"}</c> → <c>success authenticated</c>, or <c>error 402 auth failed</c> and the connection
/// closed), then subscribes and unsubscribes (<c>{"action":"subscribe","trades":[…],"quotes":[…]}</c> → <c>subscription</c>
/// with every channel now subscribed). Every quote the simulator sets is pushed as a <c>q</c> item to the clients subscribed to
/// the symbol's quotes; <see cref="PushTrade"/> pushes a <c>t</c>. Tests can refuse connections (<see cref="Accepting"/>) or
/// credentials (<see cref="RefuseCredentials"/>), drop every connection, and send messages of their own.
/// </summary>
public sealed class FakeAlpacaDataStream : IAsyncDisposable
{
    private readonly ConcurrentDictionary<FakeStreamClient, Subscription> _clients = new();
    private readonly ConcurrentQueue<(string KeyId, string Secret)> _authentications = new();
    private readonly Channel<(string? Symbol, string Channel, string Message, TaskCompletionSource Sent)> _outbox =
        Channel.CreateUnbounded<(string?, string, string, TaskCompletionSource)>();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _pump;
    private int _connections;

    public FakeAlpacaDataStream() => _pump = Task.Run(PumpAsync);

    /// <summary>When false, a connection attempt is answered 503 (Alpaca unreachable).</summary>
    public bool Accepting { get; set; } = true;

    /// <summary>When true, every authentication is answered <c>error 402 auth failed</c> and the connection closed.</summary>
    public bool RefuseCredentials { get; set; }

    /// <summary>Connections accepted so far (WebSocket upgrades, whatever happened next).</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Clients authenticated now.</summary>
    public int Authenticated => _clients.Count;

    /// <summary>The credentials of every authentication attempt, in order.</summary>
    public IReadOnlyList<(string KeyId, string Secret)> Authentications => [.. _authentications];

    /// <summary>The symbols some authenticated client is subscribed to now (trades and quotes alike), in order.</summary>
    public IReadOnlyList<string> Subscribed =>
        [.. _clients.Values.SelectMany(s => s.Quotes.Keys.Concat(s.Trades.Keys)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>A <c>t</c> item for <paramref name="symbol"/> at <paramref name="price"/>, pushed to the clients subscribed to its trades.</summary>
    public Task PushTrade(string symbol, decimal price) => Enqueue(symbol, "trades", Items(new Dictionary<string, object>
    {
        ["T"] = "t",
        ["S"] = symbol,
        ["i"] = 96921,
        ["x"] = "V",
        ["p"] = price,
        ["s"] = 100,
        ["c"] = new[] { "@" },
        ["z"] = "C",
        ["t"] = Now(),
    }));

    /// <summary>Sends <paramref name="message"/> as is to every authenticated client, after everything queued before it.</summary>
    public Task SendAsync(string message) => Enqueue(null, string.Empty, message);

    /// <summary>Aborts every connection (a network cut): the clients see their stream fail.</summary>
    public void DropAll()
    {
        foreach (var client in _clients.Keys)
        {
            client.Socket.Abort();
        }
    }

    /// <summary>A <c>q</c> item for the quote the simulator set, pushed to the clients subscribed to the symbol's quotes.</summary>
    internal void PublishQuote(string symbol, decimal bid, decimal ask) => _ = Enqueue(symbol, "quotes", Items(new Dictionary<string, object>
    {
        ["T"] = "q",
        ["S"] = symbol,
        ["bx"] = "V",
        ["bp"] = bid,
        ["bs"] = 2,
        ["ax"] = "V",
        ["ap"] = ask,
        ["as"] = 3,
        ["c"] = new[] { "R" },
        ["z"] = "C",
        ["t"] = Now(),
    }));

    internal async Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest || !Accepting)
        {
            context.Response.StatusCode = Accepting ? StatusCodes.Status400BadRequest : StatusCodes.Status503ServiceUnavailable;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        Interlocked.Increment(ref _connections);
        var client = new FakeStreamClient(socket, WebSocketMessageType.Text);
        var subscription = new Subscription();
        try
        {
            await client.SendAsync(Items(new Dictionary<string, object> { ["T"] = "success", ["msg"] = "connected" }), context.RequestAborted);
            if (!await AuthenticateAsync(client, context.RequestAborted))
            {
                await socket.CloseAsync(WebSocketCloseStatus.PolicyViolation, "auth failed", context.RequestAborted);
                return;
            }

            _clients.TryAdd(client, subscription);
            while (await FakeStreamClient.ReceiveAsync(socket, context.RequestAborted) is { } text)
            {
                using var document = JsonDocument.Parse(text);
                var root = document.RootElement;
                var action = root.GetProperty("action").GetString();
                if (action is not ("subscribe" or "unsubscribe"))
                {
                    continue;
                }

                foreach (var (name, channel) in new[] { ("trades", subscription.Trades), ("quotes", subscription.Quotes) })
                {
                    foreach (var symbol in root.TryGetProperty(name, out var list) ? list.EnumerateArray().Select(s => s.GetString()!) : [])
                    {
                        _ = action == "subscribe" ? channel.TryAdd(symbol, 0) : channel.TryRemove(symbol, out _);
                    }
                }

                await client.SendAsync(
                    Items(new Dictionary<string, object>
                    {
                        ["T"] = "subscription",
                        ["trades"] = subscription.Trades.Keys.Order(StringComparer.Ordinal).ToList(),
                        ["quotes"] = subscription.Quotes.Keys.Order(StringComparer.Ordinal).ToList(),
                        ["bars"] = Array.Empty<string>(),
                    }),
                    context.RequestAborted);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
        }
        finally
        {
            _clients.TryRemove(client, out _);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _outbox.Writer.TryComplete();
        await _stopping.CancelAsync();
        DropAll();
        await _pump;
        _stopping.Dispose();
    }

    private static string Items(Dictionary<string, object> item) => JsonSerializer.Serialize(new[] { item });

    private static string Now() => DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private Task Enqueue(string? symbol, string channel, string message)
    {
        var sent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _outbox.Writer.TryWrite((symbol, channel, message, sent));
        return sent.Task;
    }

    private async Task<bool> AuthenticateAsync(FakeStreamClient client, CancellationToken cancellationToken)
    {
        var text = await FakeStreamClient.ReceiveAsync(client.Socket, cancellationToken);
        if (text is null)
        {
            return false;
        }

        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        var (key, secret) = root.GetProperty("action").GetString() == "auth"
            ? (root.GetProperty("key").GetString(), root.GetProperty("secret").GetString())
            : (null, null);
        _authentications.Enqueue((key ?? string.Empty, secret ?? string.Empty));
        var authorized = !RefuseCredentials && !string.IsNullOrEmpty(key) && !string.IsNullOrEmpty(secret);
        await client.SendAsync(
            authorized
                ? Items(new Dictionary<string, object> { ["T"] = "success", ["msg"] = "authenticated" })
                : Items(new Dictionary<string, object> { ["T"] = "error", ["code"] = 402, ["msg"] = "auth failed" }),
            cancellationToken);
        return authorized;
    }

    private async Task PumpAsync()
    {
        await foreach (var (symbol, channel, message, sent) in _outbox.Reader.ReadAllAsync())
        {
            foreach (var (client, subscription) in _clients)
            {
                if (symbol is not null && !(channel == "trades" ? subscription.Trades : subscription.Quotes).ContainsKey(symbol))
                {
                    continue;
                }

                try
                {
                    await client.SendAsync(message, _stopping.Token);
                }
                catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException)
                {
                }
            }

            sent.TrySetResult();
        }
    }

    /// <summary>One client's subscribed symbols per channel.</summary>
    private sealed class Subscription
    {
        public ConcurrentDictionary<string, byte> Trades { get; } = new(StringComparer.Ordinal);

        public ConcurrentDictionary<string, byte> Quotes { get; } = new(StringComparer.Ordinal);
    }
}
