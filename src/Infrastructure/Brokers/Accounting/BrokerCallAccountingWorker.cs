using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RiskPlatform.Application.BrokerBindings.Commands.RecordBrokerRejection;
using RiskPlatform.Domain.ApiKeys;
using RiskPlatform.Domain.BrokerBindings;
using RiskPlatform.Infrastructure.Persistence;

namespace RiskPlatform.Infrastructure.Brokers.Accounting;

/// <summary>
/// Applies queued <see cref="BrokerCallRecord"/>s in order. Counters move with single atomic UPDATEs
/// (<c>usage_count = usage_count + n</c>, <c>error_count = error_count + n</c>), so concurrent calls never lose a count;
/// <c>last_used_at</c> moves only when it is at least <see cref="ApiKey.LastUsedResolution"/> old. Runs of the same key and
/// outcome are merged into one statement. A credential rejection goes through <see cref="RecordBrokerRejectionCommand"/> (the
/// aggregate's deactivation rule, its ApiKeyFailed notification, an audit row). A failed write is logged and dropped. On
/// SQLite each run's statements take their turn at the process's writer, as a command's transaction does.
/// </summary>
internal sealed partial class BrokerCallAccountingWorker(
    BrokerCallAccounting accounting,
    IServiceScopeFactory scopes,
    SqliteWriteGate sqliteWriter,
    ILogger<BrokerCallAccountingWorker> logger) : BackgroundService
{
    private const int MaxBatch = 256;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<BrokerCallRecord>(MaxBatch);
        while (await accounting.Reader.WaitToReadAsync(stoppingToken))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && accounting.Reader.TryRead(out var record))
            {
                batch.Add(record);
            }

            try
            {
                await ApplyAsync(batch, stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogFailed(logger, exception, batch.Count);
            }
            finally
            {
                accounting.MarkApplied(batch.Count);
            }
        }
    }

    private async Task ApplyAsync(List<BrokerCallRecord> batch, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RiskPlatformDbContext>();
        for (var i = 0; i < batch.Count;)
        {
            var first = batch[i];
            var run = 1;
            while (i + run < batch.Count && batch[i + run].ApiKeyId == first.ApiKeyId && batch[i + run].Outcome == first.Outcome
                && first.Outcome is BrokerCallOutcome.Used or BrokerCallOutcome.Failed)
            {
                run++;
            }

            var last = batch[i + run - 1];
            if (first.Outcome == BrokerCallOutcome.Rejected)
            {
                // A command, which takes its own turn at the writer.
                await using var commandScope = scopes.CreateAsyncScope();
                await commandScope.ServiceProvider.GetRequiredService<IMediator>()
                    .Send(new RecordBrokerRejectionCommand(first.ApiKeyId, first.Message ?? "The broker rejected the credentials."), cancellationToken);
            }
            else
            {
                using (await sqliteWriter.EnterForAsync(db.Database, cancellationToken))
                {
                    await (first.Outcome switch
                    {
                        BrokerCallOutcome.Used => RecordUsesAsync(db, first.ApiKeyId, run, last.At, cancellationToken),
                        BrokerCallOutcome.Failed => RecordFailuresAsync(db, first.ApiKeyId, run, batch.Skip(i).Take(run).ToList(), cancellationToken),
                        BrokerCallOutcome.Unusable => MarkUnavailableAsync(db, first.ApiKeyId, first.Message ?? "The bound API key cannot be used.", first.At, cancellationToken),
                        _ => Task.CompletedTask,
                    });
                }
            }

            i += run;
        }
    }

    private static async Task RecordUsesAsync(RiskPlatformDbContext db, Guid apiKeyId, int count, DateTime at, CancellationToken cancellationToken)
    {
        var stale = at - ApiKey.LastUsedResolution;
        DateTime? usedAt = at;
        await db.Set<ApiKey>().Where(k => k.Id == apiKeyId).ExecuteUpdateAsync(
            s => s.SetProperty(k => k.UsageCount, k => k.UsageCount + count)
                .SetProperty(k => k.ConsecutiveRejections, 0)
                .SetProperty(k => k.LastUsedAt, k => k.LastUsedAt == null || k.LastUsedAt <= stale ? usedAt : k.LastUsedAt),
            cancellationToken);

        // A call that works ends broker_unavailable (the recovery path after a rotation, a reactivation or an outage).
        await db.Set<BrokerBinding>()
            .Where(b => b.ApiKeyId == apiKeyId && b.Status == BrokerBindingStatus.BrokerUnavailable)
            .ExecuteUpdateAsync(
                s => s.SetProperty(b => b.Status, BrokerBindingStatus.Active)
                    .SetProperty(b => b.Reason, (string?)null)
                    .SetProperty(b => b.StatusSince, at)
                    .SetProperty(b => b.UpdatedAt, at)
                    .SetProperty(b => b.ConcurrencyStamp, Guid.NewGuid()),
                cancellationToken);
    }

    private static async Task RecordFailuresAsync(
        RiskPlatformDbContext db, Guid apiKeyId, int count, List<BrokerCallRecord> records, CancellationToken cancellationToken)
    {
        var last = records[^1];
        var lastError = LastErrorText.Sanitize(last.Message ?? "The broker call failed.");
        await db.Set<ApiKey>().Where(k => k.Id == apiKeyId).ExecuteUpdateAsync(
            s => s.SetProperty(k => k.ErrorCount, k => k.ErrorCount + count).SetProperty(k => k.LastError, lastError),
            cancellationToken);
        if (records.LastOrDefault(r => r.BindingUnavailable) is { } opened)
        {
            await MarkUnavailableAsync(db, apiKeyId, opened.Message ?? "The broker could not be reached.", opened.At, cancellationToken);
        }
    }

    private static async Task MarkUnavailableAsync(RiskPlatformDbContext db, Guid apiKeyId, string message, DateTime at, CancellationToken cancellationToken)
    {
        var reason = BrokerBinding.UnavailableReason(message);
        await db.Set<BrokerBinding>()
            .Where(b => b.ApiKeyId == apiKeyId && b.Source == BrokerSource.ApiKey
                && (b.Status != BrokerBindingStatus.BrokerUnavailable || b.Reason != reason))
            .ExecuteUpdateAsync(
                s => s.SetProperty(b => b.StatusSince, b => b.Status == BrokerBindingStatus.BrokerUnavailable ? b.StatusSince : at)
                    .SetProperty(b => b.Status, BrokerBindingStatus.BrokerUnavailable)
                    .SetProperty(b => b.Reason, reason)
                    .SetProperty(b => b.UpdatedAt, at)
                    .SetProperty(b => b.ConcurrencyStamp, Guid.NewGuid()),
                cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not record {Count} broker calls in the API key counters")]
    private static partial void LogFailed(ILogger logger, Exception exception, int count);
}
