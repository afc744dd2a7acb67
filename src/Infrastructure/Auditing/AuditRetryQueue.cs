using System.Threading.Channels;
using Microsoft.Extensions.Options;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.Auditing;

namespace RiskPlatform.Infrastructure.Auditing;

/// <summary>A bounded in-memory queue of audit rows whose write failed; <see cref="AuditRetryWorker"/> drains it.</summary>
internal sealed class AuditRetryQueue(IOptions<AuditOptions> options) : IAuditRetryQueue
{
    private readonly Channel<AuditLog> _rows = Channel.CreateBounded<AuditLog>(
        new BoundedChannelOptions(Math.Max(1, options.Value.RetryQueueCapacity)) { FullMode = BoundedChannelFullMode.DropWrite });

    public ChannelReader<AuditLog> Reader => _rows.Reader;

    public int Count => _rows.Reader.Count;

    public bool TryEnqueue(AuditLog row) => _rows.Writer.TryWrite(row);

    /// <summary>Puts back a row whose retry failed, at the end.</summary>
    public bool Requeue(AuditLog row) => _rows.Writer.TryWrite(row);
}
