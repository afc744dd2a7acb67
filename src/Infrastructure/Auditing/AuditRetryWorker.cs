using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Domain.Auditing;

namespace RiskPlatform.Infrastructure.Auditing;

/// <summary>
/// Writes the rows of <see cref="AuditRetryQueue"/> again, each in its own scope and transaction (linked into a chain at the
/// time it lands), waiting between failed attempts. Rows still queued at shutdown are logged at error level with their
/// content, so they survive in the logs if not in the table.
/// </summary>
internal sealed partial class AuditRetryWorker(
    AuditRetryQueue queue,
    IServiceScopeFactory scopes,
    TimeProvider timeProvider,
    ILogger<AuditRetryWorker> logger) : BackgroundService
{
    internal static TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                while (queue.Reader.TryRead(out var row))
                {
                    if (!await TryWriteAsync(row, stoppingToken))
                    {
                        queue.Requeue(row);
                        await Task.Delay(RetryDelay, timeProvider, stoppingToken);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            while (queue.Reader.TryRead(out var row))
            {
                LogLost(row.Id, row.Action, row.Outcome, row.ErrorCode, row.UserId, row.Timestamp, row.CanonicalContent());
            }
        }
    }

    private async Task<bool> TryWriteAsync(AuditLog row, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<AuditWriter>().WriteAloneAsync(row, cancellationToken);
            LogWritten(row.Id, row.Action);
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            row.Unlink();
            LogStillFailing(exception, row.Id, row.Action, queue.Count + 1);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Wrote the queued audit row {AuditId} for {Action} on retry")]
    private partial void LogWritten(Guid auditId, string action);

    [LoggerMessage(Level = LogLevel.Error, Message = "Audit row {AuditId} for {Action} still could not be written; {Queued} rows queued for retry")]
    private partial void LogStillFailing(Exception exception, Guid auditId, string action, int queued);

    [LoggerMessage(Level = LogLevel.Error, Message = "Audit row {AuditId} for {Action} ({Outcome}, {ErrorCode}) by {UserId} at {Timestamp:O} was never written; its content: {Content}")]
    private partial void LogLost(Guid auditId, string action, AuditOutcome outcome, string? errorCode, Guid? userId, DateTime timestamp, string content);
}
