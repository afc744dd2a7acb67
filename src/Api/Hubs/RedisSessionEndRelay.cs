using System.Collections.Concurrent;
using RiskPlatform.Application.Common.Interfaces;
using StackExchange.Redis;

namespace RiskPlatform.Api.Hubs;

/// <summary>
/// The <see cref="ISessionConnections"/> of a node on the Redis backplane. An ended sign-in's connections on this node close
/// at once (<see cref="SessionConnectionRegistry"/>); the end is published on <see cref="Channel"/>, and every node that
/// hears it (this one too, harmlessly) closes its own. Publishing never holds up the logout: it runs off the caller,
/// bounded by <see cref="PublishTimeout"/>, and a failure is logged. Pub/sub does not replay, so a node cut off from Redis
/// misses the ends published meanwhile: once subscribed again after a reconnect (proved by hearing its own probe), it asks
/// the database which of its connections' sign-ins have ended and closes them (<see cref="EndedSessionSweeper"/>, whose
/// periodic sweep is the backstop for the rest, such as an end whose publish failed after this node had caught up).
/// </summary>
internal sealed partial class RedisSessionEndRelay(
    SessionConnectionRegistry registry,
    RedisUserPresence redis,
    EndedSessionSweeper sweeper,
    ILogger<RedisSessionEndRelay> logger) : BackgroundService, ISessionConnections
{
    public static readonly RedisChannel Channel = RedisChannel.Literal($"{RealtimeNotifications.RedisChannelPrefix}:sessions-ended");

    /// <summary>How long a publish may take, connecting included, before it is given up and logged.</summary>
    public static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan SubscribeRetry = TimeSpan.FromSeconds(5);

    /// <summary>How long a catch-up after a reconnect waits to hear its probe (proof of the resubscription) before sweeping anyway.</summary>
    public static readonly TimeSpan ResubscribeDeadline = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan ProbeWait = TimeSpan.FromSeconds(1);

    private const string SessionKind = "session";
    private const string UserKind = "user";
    private const string ProbeKind = "probe";

    private readonly ConcurrentDictionary<Guid, TaskCompletionSource> _probes = new();
    private int _catchUpPending;
    private CancellationToken _stopping;

    public int Close(Guid sessionId)
    {
        Publish(SessionKind, sessionId);
        return registry.Close(sessionId);
    }

    public int CloseAllOf(Guid userId)
    {
        Publish(UserKind, userId);
        return registry.CloseAllOf(userId);
    }

    /// <summary>
    /// Subscribes, retrying while Redis is down; once subscribed, StackExchange.Redis resubscribes after each reconnect, and
    /// each reconnect is followed by a catch-up (<see cref="CatchUpAfterReconnect"/>).
    /// </summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _stopping = stoppingToken;
        var connection = await SubscribeAsync(stoppingToken);
        connection.ConnectionRestored += (_, _) => CatchUpAfterReconnect(connection);

        // Connections opened before the first subscription (Redis was down at start) may have missed ends too.
        CatchUpAfterReconnect(connection);
    }

    private async Task<IConnectionMultiplexer> SubscribeAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            try
            {
                var connection = await redis.ConnectionAsync().WaitAsync(stoppingToken);
                await connection.GetSubscriber().SubscribeAsync(Channel, (_, message) => OnEnded(message)).WaitAsync(stoppingToken);
                return connection;
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                LogSubscribeFailed(logger, exception, SubscribeRetry);
            }

            await Task.Delay(SubscribeRetry, stoppingToken);
        }
    }

    /// <summary>The message is "session:{id}", "user:{id}" or a node's own "probe:{id}": ids only, nothing that would help whoever reads the channel.</summary>
    private static string Message(string kind, Guid id) => $"{kind}:{id:D}";

    private void Publish(string kind, Guid id) => _ = Task.Run(() => PublishAsync(kind, id));

    private async Task PublishAsync(string kind, Guid id)
    {
        try
        {
            await PublishCoreAsync(Message(kind, id)).WaitAsync(PublishTimeout);
        }
        catch (Exception exception)
        {
            LogPublishFailed(logger, exception, kind, id, PublishTimeout);
        }
    }

    private async Task PublishCoreAsync(string message)
    {
        var connection = await redis.ConnectionAsync();
        await connection.GetSubscriber().PublishAsync(Channel, message);
    }

    /// <summary>
    /// After a reconnect (each of the multiplexer's connections reports its own; one catch-up runs at a time): wait until the
    /// channel is heard again, then close the connections whose sign-in ended meanwhile. An end committed after the sweep's
    /// read is published to a node that is subscribed by then.
    /// </summary>
    private void CatchUpAfterReconnect(IConnectionMultiplexer connection)
    {
        if (Interlocked.Exchange(ref _catchUpPending, 1) == 0)
        {
            _ = Task.Run(() => CatchUpAsync(connection));
        }
    }

    private async Task CatchUpAsync(IConnectionMultiplexer connection)
    {
        try
        {
            var resubscribed = await HearsOwnProbeAsync(connection);
            Volatile.Write(ref _catchUpPending, 0);
            var closed = await sweeper.CloseEndedAsync(_stopping);
            LogCaughtUp(logger, closed, resubscribed);
        }
        catch (Exception exception) when (!_stopping.IsCancellationRequested)
        {
            Volatile.Write(ref _catchUpPending, 0);
            LogCatchUpFailed(logger, exception);
        }
    }

    /// <summary>Publishes probes on the channel until this node hears one (it is subscribed again) or the deadline passes.</summary>
    private async Task<bool> HearsOwnProbeAsync(IConnectionMultiplexer connection)
    {
        var deadline = DateTime.UtcNow + ResubscribeDeadline;
        while (DateTime.UtcNow < deadline && !_stopping.IsCancellationRequested)
        {
            var probe = Guid.NewGuid();
            var heard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _probes[probe] = heard;
            try
            {
                await connection.GetSubscriber().PublishAsync(Channel, Message(ProbeKind, probe)).WaitAsync(ProbeWait, _stopping);
                await heard.Task.WaitAsync(ProbeWait, _stopping);
                return true;
            }
            catch (Exception exception) when (exception is TimeoutException or RedisException)
            {
                await Task.Delay(ProbeWait / 4, _stopping);
            }
            finally
            {
                _probes.TryRemove(probe, out _);
            }
        }

        return false;
    }

    private void OnEnded(RedisValue message)
    {
        var text = (string?)message ?? string.Empty;
        var separator = text.IndexOf(':', StringComparison.Ordinal);
        var id = separator > 0 && Guid.TryParse(text.AsSpan(separator + 1), out var parsed) ? parsed : (Guid?)null;
        var kind = separator > 0 ? text[..separator] : text;
        switch (kind)
        {
            case SessionKind when id is { } sessionId:
                registry.Close(sessionId);
                break;
            case UserKind when id is { } userId:
                registry.CloseAllOf(userId);
                break;
            case ProbeKind when id is { } probe:
                // Another node's probe is none of this one's business.
                if (_probes.TryGetValue(probe, out var heard))
                {
                    heard.TrySetResult();
                }

                break;
            default:
                LogUnknownMessage(logger, text.Length > 100 ? text[..100] : text);
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the other nodes that {Kind} {Id} ended within {Timeout}; their hub connections close when their access tokens expire")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, string kind, Guid id, TimeSpan timeout);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not subscribe to ended sign-ins on the Redis backplane; retrying in {Retry}")]
    private static partial void LogSubscribeFailed(ILogger logger, Exception exception, TimeSpan retry);

    [LoggerMessage(Level = LogLevel.Information, Message = "Back on the Redis backplane (resubscription confirmed: {Resubscribed}); closed {Closed} hub connections of sign-ins that ended while this node was cut off")]
    private static partial void LogCaughtUp(ILogger logger, int closed, bool resubscribed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not check this node's hub connections for sign-ins that ended while it was cut off from Redis; the periodic sweep will")]
    private static partial void LogCatchUpFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored a message on the ended sign-ins channel that is not session:{{id}} or user:{{id}}: {Message}")]
    private static partial void LogUnknownMessage(ILogger logger, string message);
}
