using System.Threading.Channels;

namespace RiskPlatform.Infrastructure.Brokers.Accounting;

/// <summary>
/// The queue between broker calls and <see cref="BrokerCallAccountingWorker"/>. Calls only enqueue: the counters are written
/// outside the calling request, so they count also when the request is a query (no unit of work) or its command rolls back
/// (a 503 after a failed call), and a request never waits on a write lock (SQLite's write transactions are exclusive).
/// </summary>
internal sealed class BrokerCallAccounting
{
    private readonly Channel<BrokerCallRecord> _channel =
        Channel.CreateUnbounded<BrokerCallRecord>(new UnboundedChannelOptions { SingleReader = true });

    private long _pending;

    public ChannelReader<BrokerCallRecord> Reader => _channel.Reader;

    /// <summary>Records queued and not yet applied.</summary>
    public long Pending => Interlocked.Read(ref _pending);

    public void Record(BrokerCallRecord record)
    {
        Interlocked.Increment(ref _pending);
        if (!_channel.Writer.TryWrite(record))
        {
            Interlocked.Decrement(ref _pending);
        }
    }

    public void MarkApplied(int count) => Interlocked.Add(ref _pending, -count);
}
