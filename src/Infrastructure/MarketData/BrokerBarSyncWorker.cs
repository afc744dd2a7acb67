using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RiskPlatform.Infrastructure.Brokers.Alpaca;

namespace RiskPlatform.Infrastructure.MarketData;

/// <summary>Runs <see cref="BrokerBarSync"/> every <see cref="AlpacaOptions.BarSyncInterval"/> (never when it is zero).</summary>
internal sealed partial class BrokerBarSyncWorker(
    BrokerBarSync sync, IOptions<AlpacaOptions> options, TimeProvider timeProvider, ILogger<BrokerBarSyncWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.BarSyncInterval;
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval, timeProvider);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await sync.RunAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogSyncFailed(logger, exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The broker bar sync failed; it runs again at the next interval")]
    private static partial void LogSyncFailed(ILogger logger, Exception exception);
}
