using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;

namespace RiskPlatform.Api.FunctionalTests.Brokers.FakeAlpaca;

/// <summary>
/// What the fake's streams share: accepting WebSocket connections (or refusing them with 503 while <see cref="Accepting"/> is
/// false), recording every authentication and refusing it while <see cref="RefuseCredentials"/>, the clients registered after
/// their handshake with their <typeparamref name="TState"/> (what they listen or subscribe to), and one outbox that sends each
/// message, in order, to the registered clients it is meant for. Tests can drop every connection.
/// </summary>
public abstract class FakeStreamEndpoint<TState> : IAsyncDisposable
    where TState : class
{
    private readonly ConcurrentDictionary<FakeStreamClient, TState> _clients = new();
    private readonly ConcurrentQueue<(string KeyId, string Secret)> _authentications = new();
    private readonly Channel<(Func<TState, bool> To, byte[] Message, TaskCompletionSource Sent)> _outbox =
        Channel.CreateUnbounded<(Func<TState, bool>, byte[], TaskCompletionSource)>();
    private readonly WebSocketMessageType _frames;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _pump;
    private int _connections;

    protected FakeStreamEndpoint(WebSocketMessageType frames)
    {
        _frames = frames;
        _pump = Task.Run(PumpAsync);
    }

    /// <summary>When false, a connection attempt is answered 503 (Alpaca unreachable).</summary>
    public bool Accepting { get; set; } = true;

    /// <summary>When true, every authentication is refused and the connection closed.</summary>
    public bool RefuseCredentials { get; set; }

    /// <summary>Connections accepted so far (WebSocket upgrades, whatever happened next).</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>The credentials of every authentication attempt, in order.</summary>
    public IReadOnlyList<(string KeyId, string Secret)> Authentications => [.. _authentications];

    /// <summary>The registered clients' states.</summary>
    protected ICollection<TState> Clients => _clients.Values;

    /// <summary>Sends <paramref name="message"/> as is to every registered client, after everything queued before it.</summary>
    public Task SendAsync(string message) => SendAsync(_ => true, message);

    /// <summary>Aborts every connection (a network cut): the clients see their stream fail.</summary>
    public void DropAll()
    {
        foreach (var client in _clients.Keys)
        {
            client.Socket.Abort();
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

    internal async Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest || !Accepting)
        {
            context.Response.StatusCode = Accepting ? StatusCodes.Status400BadRequest : StatusCodes.Status503ServiceUnavailable;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        Interlocked.Increment(ref _connections);
        var client = new FakeStreamClient(socket, _frames);
        try
        {
            await ServeAsync(client, context.RequestAborted);
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
        }
        finally
        {
            _clients.TryRemove(client, out _);
        }
    }

    /// <summary>One connection, from its first message to its close: the stream's handshake, then its requests.</summary>
    private protected abstract Task ServeAsync(FakeStreamClient client, CancellationToken cancellationToken);

    /// <summary>Sends <paramref name="message"/> to the registered clients whose state satisfies <paramref name="to"/>, in order.</summary>
    protected Task SendAsync(Func<TState, bool> to, string message)
    {
        var sent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _outbox.Writer.TryWrite((to, Encoding.UTF8.GetBytes(message), sent));
        return sent.Task;
    }

    /// <summary>Records an authentication attempt; true when it is accepted (both given, and credentials not refused).</summary>
    protected bool Authenticate(string? keyId, string? secret)
    {
        _authentications.Enqueue((keyId ?? string.Empty, secret ?? string.Empty));
        return !RefuseCredentials && !string.IsNullOrEmpty(keyId) && !string.IsNullOrEmpty(secret);
    }

    /// <summary>From now on <paramref name="client"/> receives what the outbox sends to clients like <paramref name="state"/>.</summary>
    private protected void Register(FakeStreamClient client, TState state) => _clients.TryAdd(client, state);

    private async Task PumpAsync()
    {
        await foreach (var (to, message, sent) in _outbox.Reader.ReadAllAsync())
        {
            foreach (var (client, state) in _clients)
            {
                if (!to(state))
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
}
