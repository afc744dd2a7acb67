using RiskPlatform.Application.Common.Interfaces;
using StackExchange.Redis;

namespace RiskPlatform.Api.Hubs;

/// <summary>
/// The <see cref="ISessionConnections"/> of a node on the Redis backplane. An ended sign-in's connections on this node close
/// at once (<see cref="SessionConnectionRegistry"/>); the end is published on <see cref="Channel"/>, and every node that
/// hears it (this one too, harmlessly) closes its own. Publishing never holds up the logout: it runs off the caller,
/// bounded by <see cref="PublishTimeout"/>, and a failure is logged. A node the message misses (Redis down, or the node
/// not subscribed yet) closes those connections when their access token expires (the hub closes at token expiry).
/// </summary>
internal sealed partial class RedisSessionEndRelay(
    SessionConnectionRegistry registry,
    RedisUserPresence redis,
    ILogger<RedisSessionEndRelay> logger) : BackgroundService, ISessionConnections
{
    public static readonly RedisChannel Channel = RedisChannel.Literal($"{RealtimeNotifications.RedisChannelPrefix}:sessions-ended");

    /// <summary>How long a publish may take, connecting included, before it is given up and logged.</summary>
    public static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan SubscribeRetry = TimeSpan.FromSeconds(5);

    private const string SessionKind = "session";
    private const string UserKind = "user";

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

    /// <summary>Subscribes, retrying while Redis is down; once subscribed, StackExchange.Redis resubscribes after each reconnect.</summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            try
            {
                var connection = await redis.ConnectionAsync().WaitAsync(stoppingToken);
                await connection.GetSubscriber().SubscribeAsync(Channel, (_, message) => OnEnded(message)).WaitAsync(stoppingToken);
                return;
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                LogSubscribeFailed(logger, exception, SubscribeRetry);
            }

            await Task.Delay(SubscribeRetry, stoppingToken);
        }
    }

    /// <summary>The message is "session:{id}" or "user:{id}": ids only, nothing that would help whoever reads the channel.</summary>
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
            default:
                LogUnknownMessage(logger, text.Length > 100 ? text[..100] : text);
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the other nodes that {Kind} {Id} ended within {Timeout}; their hub connections close when their access tokens expire")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, string kind, Guid id, TimeSpan timeout);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not subscribe to ended sign-ins on the Redis backplane; retrying in {Retry}")]
    private static partial void LogSubscribeFailed(ILogger logger, Exception exception, TimeSpan retry);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored a message on the ended sign-ins channel that is not session:{{id}} or user:{{id}}: {Message}")]
    private static partial void LogUnknownMessage(ILogger logger, string message);
}
