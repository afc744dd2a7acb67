using System.Threading.Channels;

namespace RiskPlatform.Api.Hubs;

/// <summary>
/// The bounded in-process queue between a committed command and the SignalR send: a request hands its pushes over and
/// returns; <see cref="RealtimePushWorker"/> sends them in order. When the queue is full (the backplane is down or slow and
/// pushes pile up), a push is dropped with a warning and its websocket delivery row stays as the create path left it.
/// Never blocks the caller.
/// </summary>
internal sealed partial class RealtimePushQueue(int capacity, ILogger<RealtimePushQueue> logger)
{
    public const string CapacityKey = "Notifications:Realtime:QueueCapacity";
    public const int DefaultCapacity = 10_000;

    private readonly Channel<RealtimePush> _pushes = Channel.CreateBounded<RealtimePush>(
        new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    public ChannelReader<RealtimePush> Reader => _pushes.Reader;

    /// <summary>Queues the push; false (logged) when the queue is full or closed.</summary>
    public bool TryEnqueue(RealtimePush push)
    {
        ArgumentNullException.ThrowIfNull(push);
        if (_pushes.Writer.TryWrite(push))
        {
            return true;
        }

        LogDropped(logger, push.HubMethod, push.UserId, capacity);
        return false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Real-time push {HubMethod} to user {UserId} dropped: {Capacity} pushes are already waiting")]
    private static partial void LogDropped(ILogger logger, string hubMethod, Guid userId, int capacity);
}
