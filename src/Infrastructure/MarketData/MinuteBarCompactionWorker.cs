using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RiskPlatform.Application.MarketData.Commands.CompactMinuteBars;
using RiskPlatform.Application.MarketData.Common;

namespace RiskPlatform.Infrastructure.MarketData;

/// <summary>
/// Sends <see cref="CompactMinuteBarsCommand"/> every <see cref="MarketDataOptions.MinuteBarCompactionInterval"/>. Every node runs
/// one; two deleting the same old rows at once is harmless (the second deletes nothing).
/// </summary>
internal sealed partial class MinuteBarCompactionWorker(
    IServiceScopeFactory scopes, IOptions<MarketDataOptions> options, TimeProvider timeProvider, ILogger<MinuteBarCompactionWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.MinuteBarCompactionInterval, timeProvider);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new CompactMinuteBarsCommand(), stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogCompactionFailed(logger, exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Deleting old minute bars failed; it runs again at the next interval")]
    private static partial void LogCompactionFailed(ILogger logger, Exception exception);
}
