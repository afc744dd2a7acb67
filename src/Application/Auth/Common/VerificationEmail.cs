using System.Globalization;
using System.Net;
using Microsoft.Extensions.Options;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.Users;

namespace RiskPlatform.Application.Auth.Common;

/// <summary>
/// Sends a user the link that proves they own their account's email address: a fresh token, through the account email
/// outbox once the command has committed. Nothing is sent when no mail server is configured.
/// </summary>
public sealed class VerificationEmail(
    IEmailVerificationTokens tokens,
    IEmailAvailability emailAvailability,
    IAccountEmailOutbox outbox,
    IAfterCommitActions afterCommit,
    IOptions<AccountOptions> options)
{
    public bool CanSend => emailAvailability.IsConfigured;

    /// <summary>Queues the link for a new account, unless <see cref="AccountOptions.SendVerificationEmailOnRegister"/> is off.</summary>
    public void SendOnRegister(User user)
    {
        if (options.Value.SendVerificationEmailOnRegister)
        {
            SendAfterCommit(user);
        }
    }

    /// <summary>Queues the email for after the commit; false when no mail server is configured.</summary>
    public bool SendAfterCommit(User user)
    {
        if (!CanSend)
        {
            return false;
        }

        var message = Compose(user.Email, tokens.Create(user.Id, user.NormalizedEmail), options.Value);
        afterCommit.Enqueue(_ =>
        {
            outbox.Enqueue(message);
            return Task.CompletedTask;
        });
        return true;
    }

    internal static EmailMessage Compose(string email, string token, AccountOptions options)
    {
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
            string.Create(CultureInfo.InvariantCulture, $"{Guid.CreateVersion7():D}@riskplatform"));
    }
}
