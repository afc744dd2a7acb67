using System.Globalization;
using System.Net;
using Microsoft.Extensions.Options;
using RiskPlatform.Application.Common.Email;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.Users;

namespace RiskPlatform.Application.Auth.Common;

/// <summary>
/// Owes a user the link that proves they own their account's email address: a <see cref="PendingAccountEmail"/> row added in the
/// command's own transaction (so a restart loses no mail), sent by the account email worker, which is woken once the command
/// has committed. The link's token is made at sending (<see cref="Compose"/>). Nothing is queued without a mail server.
/// </summary>
public sealed class VerificationEmail(
    IRepository<PendingAccountEmail> accountEmails,
    IEmailAvailability emailAvailability,
    IAccountEmailOutbox outbox,
    IAfterCommitActions afterCommit,
    TimeProvider timeProvider,
    IOptions<AccountOptions> options)
{
    public bool CanSend => emailAvailability.IsConfigured;

    /// <summary>Queues the link for a new account, unless <see cref="AccountOptions.SendVerificationEmailOnRegister"/> is off.</summary>
    public void QueueOnRegister(User user)
    {
        if (options.Value.SendVerificationEmailOnRegister)
        {
            Queue(user);
        }
    }

    /// <summary>Adds the mail to the command's changes; false when no mail server is configured.</summary>
    public bool Queue(User user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!CanSend)
        {
            return false;
        }

        accountEmails.Add(PendingAccountEmail.Verification(user.Id, timeProvider.GetUtcNow().UtcDateTime));
        afterCommit.Enqueue(_ =>
        {
            outbox.Wake();
            return Task.CompletedTask;
        });
        return true;
    }

    /// <summary>The verification mail to <paramref name="email"/> carrying <paramref name="token"/>, with a stable Message-ID.</summary>
    public static EmailMessage Compose(string email, string token, string messageId, AccountOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var link = options.EmailVerificationUrl is { } page
            ? $"{page.AbsoluteUri}{(string.IsNullOrEmpty(page.Query) ? "?" : "&")}token={Uri.EscapeDataString(token)}"
            : null;
        var hours = options.EmailVerificationHours.ToString(CultureInfo.InvariantCulture);
        var text = link is null
            ? $"Confirm that this address is yours: post this token to /api/v1/auth/verify-email within {hours} hours.\n\n{token}\n\nIf you did not create a RiskPlatform account, ignore this email."
            : $"Confirm that this address is yours by opening this link within {hours} hours:\n\n{link}\n\nIf you did not create a RiskPlatform account, ignore this email.";
        var html = link is null
            ? $"<p>Confirm that this address is yours: post this token to <code>/api/v1/auth/verify-email</code> within {hours} hours.</p><p><code>{WebUtility.HtmlEncode(token)}</code></p><p>If you did not create a RiskPlatform account, ignore this email.</p>"
            : $"<p>Confirm that this address is yours by opening this link within {hours} hours:</p><p><a href=\"{WebUtility.HtmlEncode(link)}\">Confirm my email address</a></p><p>If you did not create a RiskPlatform account, ignore this email.</p>";
        return new EmailMessage(
            email,
            "Confirm your RiskPlatform email address",
            text,
            html,
            messageId);
    }
}
