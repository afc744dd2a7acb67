using System.Collections.Concurrent;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;

namespace RiskPlatform.Api.FunctionalTests.Brokers.FakeAlpaca;

/// <summary>
/// Alpaca's trade-update stream (<c>/stream</c> on the fake's host, as on Alpaca's): the client authenticates
/// (<c>{"action":"auth","key","secret"}</c>, answered on the <c>authorization</c> stream), listens
/// (<c>{"action":"listen","data":{"streams":["trade_updates"]}}</c>, answered on <c>listening</c>), then receives every order
/// change of the simulator as a <c>trade_updates</c> message (<c>new</c>, <c>fill</c>, <c>canceled</c>) in binary frames, as
/// Alpaca's paper endpoint sends them. Tests can refuse connections (<see cref="Accepting"/>) or credentials
/// (<see cref="RefuseCredentials"/>), drop every connection, and send messages of their own.
/// </summary>
public sealed class FakeAlpacaStream : IAsyncDisposable
{
    private readonly ConcurrentDictionary<FakeStreamClient, byte> _listeners = new();
    private readonly ConcurrentQueue<(string KeyId, string Secret)> _authentications = new();
    private readonly Channel<(byte[] Message, TaskCompletionSource Sent)> _outbox = Channel.CreateUnbounded<(byte[], TaskCompletionSource)>();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _pump;
    private int _connections;

    public FakeAlpacaStream() => _pump = Task.Run(PumpAsync);

    /// <summary>When false, a connection attempt is answered 503 (Alpaca unreachable).</summary>
    public bool Accepting { get; set; } = true;

    /// <summary>When true, every authentication is answered <c>unauthorized</c> and the connection closed.</summary>
    public bool RefuseCredentials { get; set; }

    /// <summary>Connections accepted so far (WebSocket upgrades, whatever happened next).</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Clients authenticated and listening to trade_updates now.</summary>
    public int Listening => _listeners.Count;

    /// <summary>The credentials of every authentication attempt, in order.</summary>
    public IReadOnlyList<(string KeyId, string Secret)> Authentications => [.. _authentications];

    /// <summary>A <c>trade_updates</c> message for <paramref name="order"/> as it is now (a fill carries price, qty and position_qty).</summary>
    public static string TradeUpdate(string tradeEvent, FakeAlpacaOrder order)
    {
        var data = new Dictionary<string, object?>
        {
            ["event"] = tradeEvent,
            ["execution_id"] = Guid.NewGuid().ToString(),
            ["timestamp"] = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
            ["order"] = FakeAlpacaSimulator.OrderJson(order),
        };
        if (tradeEvent is "fill" or "partial_fill")
        {
            data["price"] = (order.FilledAvgPrice ?? 0m).ToString(CultureInfo.InvariantCulture);
            data["qty"] = order.FilledQty.ToString(CultureInfo.InvariantCulture);
            data["position_qty"] = order.FilledQty.ToString(CultureInfo.InvariantCulture);
        }

        return JsonSerializer.Serialize(new Dictionary<string, object?> { ["stream"] = "trade_updates", ["data"] = data });
    }

    /// <summary>Sends <paramref name="message"/> as is to every listening client, after everything queued before it.</summary>
    public Task SendAsync(string message)
    {
        var sent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _outbox.Writer.TryWrite((Encoding.UTF8.GetBytes(message), sent));
        return sent.Task;
    }

    /// <summary>Aborts every connection (a network cut): the clients see their stream fail.</summary>
    public void DropAll()
    {
        foreach (var listener in _listeners.Keys)
        {
            listener.Socket.Abort();
        }
    }

    internal void Publish(string tradeEvent, FakeAlpacaOrder order) => _ = SendAsync(TradeUpdate(tradeEvent, order));

    internal async Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest || !Accepting)
        {
            context.Response.StatusCode = Accepting ? StatusCodes.Status400BadRequest : StatusCodes.Status503ServiceUnavailable;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        Interlocked.Increment(ref _connections);
        var listener = new FakeStreamClient(socket, WebSocketMessageType.Binary);
        try
        {
            if (!await AuthenticateAsync(listener, context.RequestAborted))
            {
                await socket.CloseAsync(WebSocketCloseStatus.PolicyViolation, "unauthorized", context.RequestAborted);
                return;
            }

            while (await FakeStreamClient.ReceiveAsync(socket, context.RequestAborted) is { } text)
            {
                using var document = JsonDocument.Parse(text);
                if (document.RootElement.GetProperty("action").GetString() != "listen")
                {
                    continue;
                }

                var granted = document.RootElement.GetProperty("data").GetProperty("streams").EnumerateArray()
                    .Select(s => s.GetString()).Where(s => s == "trade_updates").ToList();
                await listener.SendAsync(JsonSerializer.Serialize(new { stream = "listening", data = new { streams = granted } }), context.RequestAborted);
                if (granted.Count > 0)
                {
                    _listeners.TryAdd(listener, 0);
                }
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
        }
        finally
        {
            _listeners.TryRemove(listener, out _);
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

    private async Task<bool> AuthenticateAsync(FakeStreamClient listener, CancellationToken cancellationToken)
    {
        var text = await FakeStreamClient.ReceiveAsync(listener.Socket, cancellationToken);
        if (text is null)
        {
            return false;
        }

        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        var (key, secret) = root.GetProperty("action").GetString() switch
        {
            "auth" => (root.GetProperty("key").GetString(), root.GetProperty("secret").GetString()),
            "authenticate" => (root.GetProperty("data").GetProperty("key_id").GetString(), root.GetProperty("data").GetProperty("secret_key").GetString()),
            _ => (null, null),
        };
        _authentications.Enqueue((key ?? string.Empty, secret ?? string.Empty));
        var authorized = !RefuseCredentials && !string.IsNullOrEmpty(key) && !string.IsNullOrEmpty(secret);
        await listener.SendAsync(
            JsonSerializer.Serialize(new { stream = "authorization", data = new { action = "authenticate", status = authorized ? "authorized" : "unauthorized" } }),
            cancellationToken);
        return authorized;
    }

    private async Task PumpAsync()
    {
        await foreach (var (message, sent) in _outbox.Reader.ReadAllAsync())
        {
            foreach (var listener in _listeners.Keys)
            {
                try
                {
                    await listener.SendAsync(message, _stopping.Token);
                }
                catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException)
                {
                }
            }

            sent.TrySetResult();
        }
    }
}
