using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RiskPlatform.Application.ApiKeys.Commands.SweepExpiredApiKeys;
using RiskPlatform.Application.ApiKeys.Common;

namespace RiskPlatform.Infrastructure.BackgroundJobs;

/// <summary>
/// Every <see cref="VaultOptions.ExpirySweepInterval"/> sends <see cref="SweepExpiredApiKeysCommand"/> (audited like any
/// command) until a batch comes back short. A failed sweep is logged and retried at the next tick.
/// </summary>
internal sealed partial class ApiKeyExpirySweepService(
    IServiceScopeFactory scopes,
    IOptions<VaultOptions> options,
    TimeProvider timeProvider,
    ILogger<ApiKeyExpirySweepService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ExpirySweepInterval, timeProvider);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogSweepFailed(logger, exception);
            }
        }
    }

    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        ApiKeySweepResult result;
        do
        {
            await using var scope = scopes.CreateAsyncScope();
            var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
            result = await mediator.Send(new SweepExpiredApiKeysCommand(), cancellationToken);
            if (result.Examined > 0)
            {
                LogSwept(logger, result.Examined, result.MarkedExpired, result.NoticesRaised);
            }
        }
        while (result.Examined == SweepExpiredApiKeysCommand.DefaultBatchSize);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The API key expiry sweep failed")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "API key expiry sweep: {Examined} examined, {MarkedExpired} marked expired, {NoticesRaised} notices")]
    private static partial void LogSwept(ILogger logger, int examined, int markedExpired, int noticesRaised);
}
