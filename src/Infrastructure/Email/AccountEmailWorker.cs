using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RiskPlatform.Application.Common.Interfaces;

namespace RiskPlatform.Infrastructure.Email;

/// <summary>
/// Sends the queued account emails one at a time. A transient failure (the mail server unreachable) is retried after 2 s
/// and 10 s; a permanent refusal or a third failure is logged and the mail dropped. The message text is never logged: it
/// carries a verification token.
/// </summary>
internal sealed partial class AccountEmailWorker(AccountEmailOutbox outbox, IEmailSender sender, ILogger<AccountEmailWorker> logger) : BackgroundService
{
    private static readonly TimeSpan[] RetryDelays = [TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10)];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var message in outbox.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await SendAsync(message, stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogFailed(logger, message.MessageId, exception);
            }
        }
    }

    private async Task SendAsync(EmailMessage message, CancellationToken stoppingToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var result = await sender.SendAsync(message, stoppingToken);
            if (result.Outcome == EmailSendOutcome.Sent)
            {
                return;
            }

            if (result.Outcome == EmailSendOutcome.PermanentFailure || attempt >= RetryDelays.Length)
            {
                LogGaveUp(logger, message.MessageId, attempt + 1, result.Error);
                return;
            }

            await Task.Delay(RetryDelays[attempt], stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Account email {MessageId} could not be sent")]
    private static partial void LogFailed(ILogger logger, string messageId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Account email {MessageId} was not sent after {Attempts} attempts: {Error}")]
    private static partial void LogGaveUp(ILogger logger, string messageId, int attempts, string? error);
}
