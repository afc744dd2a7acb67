using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RiskPlatform.Application.Auth.Common;
using RiskPlatform.Application.Auth.Specifications;
using RiskPlatform.Application.Common.Email;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.Users;

namespace RiskPlatform.Infrastructure.Email;

/// <summary>
/// Sends the stored <see cref="PendingAccountEmail"/> rows: polls every <see cref="PollInterval"/>, or at once when woken after a
/// commit. Each row is claimed for a lease first (its concurrency stamp settles a race between nodes), then its mail is
/// composed with a fresh token and sent; the row is deleted once sent, given up on a permanent refusal or after
/// <see cref="PendingAccountEmail.MaxAttempts"/>, and otherwise retried with backoff. A crash between the send and the delete sends
/// it again after the lease, with the same Message-ID. The message text is never logged: it carries a token.
/// </summary>
internal sealed partial class AccountEmailWorker(
    AccountEmailOutbox outbox,
    IServiceScopeFactory scopes,
    IEmailSender sender,
    IEmailAvailability availability,
    IEmailVerificationTokens tokens,
    IOptions<AccountOptions> accountOptions,
    TimeProvider timeProvider,
    ILogger<AccountEmailWorker> logger) : BackgroundService
{
    internal static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private const int BatchSize = 20;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!availability.IsConfigured)
        {
            return; // nothing is stored without a mail server
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await SendDueAsync(stoppingToken) == BatchSize)
                {
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogPassFailed(logger, exception);
            }

            await outbox.WaitAsync(PollInterval, stoppingToken);
        }
    }

    /// <summary>One batch of due rows; returns how many were due.</summary>
    private async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var emails = scope.ServiceProvider.GetRequiredService<IRepository<PendingAccountEmail>>();
        var users = scope.ServiceProvider.GetRequiredService<IRepository<User>>();
        var unitOfWork = scope.ServiceProvider.GetRequiredService<IUnitOfWork>();

        var due = await emails.ListAsync(new DuePendingAccountEmailsSpec(timeProvider.GetUtcNow().UtcDateTime, BatchSize), cancellationToken);
        foreach (var email in due)
        {
            email.Claim(timeProvider.GetUtcNow().UtcDateTime, Lease);
            try
            {
                await unitOfWork.SaveChangesAsync(cancellationToken);
            }
            catch (ConflictException)
            {
                unitOfWork.DiscardChanges(); // another node took it between our read and our claim
                continue;
            }

            var user = await users.FirstOrDefaultAsync(new TrackedUserByIdSpec(email.UserId), cancellationToken);
            // Verified meanwhile, or the account is gone: nothing left to prove.
            if (user is not { IsVerified: false } || await SendAsync(email, user, cancellationToken))
            {
                emails.Remove(email);
            }

            await unitOfWork.SaveChangesAsync(cancellationToken);
        }

        return due.Count;
    }

    /// <summary>True when the row is done with: sent, or given up.</summary>
    private async Task<bool> SendAsync(PendingAccountEmail email, User user, CancellationToken cancellationToken)
    {
        var message = VerificationEmail.Compose(
            user.Email, tokens.Create(user.Id, user.NormalizedEmail), $"{email.Id:D}@riskplatform", accountOptions.Value);
        var result = await sender.SendAsync(message, cancellationToken);
        if (result.Outcome == EmailSendOutcome.Sent)
        {
            return true;
        }

        email.RecordFailedAttempt(timeProvider.GetUtcNow().UtcDateTime);
        if (result.Outcome == EmailSendOutcome.PermanentFailure || email.IsExhausted)
        {
            LogGaveUp(logger, message.MessageId, email.Attempts, result.Error);
            return true;
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A pass over the account emails failed; the next poll tries again")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Account email {MessageId} was given up after {Attempts} attempts: {Error}")]
    private static partial void LogGaveUp(ILogger logger, string messageId, int attempts, string? error);
}
