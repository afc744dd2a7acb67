using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RiskPlatform.Application.Auth.Commands.PurgeSignInRecords;

namespace RiskPlatform.Infrastructure.BackgroundJobs;

/// <summary>
/// Every <see cref="SignInRecordsPurgeOptions.Interval"/> sends <see cref="PurgeSignInRecordsCommand"/>: two set-based deletes
/// in one audited command. Several nodes may purge at once; a delete finds nothing the other already took. A failed purge is
/// logged and tried again at the next tick.
/// </summary>
internal sealed partial class SignInRecordsPurgeService(
    IServiceScopeFactory scopes,
    IOptions<SignInRecordsPurgeOptions> options,
    TimeProvider timeProvider,
    ILogger<SignInRecordsPurgeService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        using var timer = new PeriodicTimer(settings.Interval, timeProvider);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var purged = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(
                    new PurgeSignInRecordsCommand(settings.LoginAttemptsRetention, settings.RefreshTokensRetention), stoppingToken);
                LogPurged(logger, purged.LoginAttempts, purged.RefreshTokens);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogPurgeFailed(logger, exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Purging old sign-in records failed")]
    private static partial void LogPurgeFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged {LoginAttempts} failed sign-ins and {RefreshTokens} refresh tokens of ended sessions")]
    private static partial void LogPurged(ILogger logger, int loginAttempts, int refreshTokens);
}
