using System.Globalization;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using RiskPlatform.Application.Common.Interfaces;

namespace RiskPlatform.Infrastructure.Email;

/// <summary>
/// <see cref="IEmailSender"/> over SMTP with MailKit: one connection per message, so a dropped connection never poisons
/// the next send. A 5xx reply is a permanent failure; anything else that goes wrong — a 4xx reply, a refused, dropped or
/// timed-out connection, a TLS or an authentication problem, a server without STARTTLS when <c>Smtp:Security</c> is starttls
/// (MailKit's <see cref="NotSupportedException"/>), or any exception not foreseen here — is a transient failure, so the
/// outbox records the attempt, backs off and gives up after its attempt limit instead of retrying unseen (configuration
/// faults are fixed by an operator, not reasons to drop the mail at once). Only the caller's cancellation escapes. The
/// password is never logged or put into an error.
/// </summary>
internal sealed partial class MailKitEmailSender(IOptions<SmtpOptions> options, TimeProvider timeProvider, ILogger<MailKitEmailSender> logger) : IEmailSender
{
    public async Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var smtp = options.Value;
        if (!smtp.IsConfigured)
        {
            return EmailSendResult.Permanent("Email is not configured (Smtp:Host is not set).");
        }

        if (!MailboxAddress.TryParse(message.To, out var recipient) || !recipient.Address.Contains('@', StringComparison.Ordinal))
        {
            return EmailSendResult.Permanent("The recipient is not a valid email address.");
        }

        var mime = Build(smtp, recipient, message);
        try
        {
            using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
            await client.ConnectAsync(smtp.Host, smtp.EffectivePort, SocketOptions(smtp.Security), cancellationToken);
            if (!string.IsNullOrEmpty(smtp.Username))
            {
                if (!client.Capabilities.HasFlag(SmtpCapabilities.Authentication))
                {
                    var error = $"{smtp.Host}:{smtp.EffectivePort} offers no authentication (AUTH) for Smtp:Username; check Smtp:Security.";
                    LogTransient(logger, message.MessageId, smtp.Host, smtp.EffectivePort, error);
                    return EmailSendResult.Transient(error);
                }

                await client.AuthenticateAsync(smtp.Username, smtp.Password ?? string.Empty, cancellationToken);
            }

            await client.SendAsync(mime, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
            LogSent(logger, message.MessageId, smtp.Host, smtp.EffectivePort);
            return EmailSendResult.Sent;
        }
        catch (SmtpCommandException exception) when ((int)exception.StatusCode >= 500)
        {
            var error = Describe(exception);
            LogRejected(logger, message.MessageId, error);
            return EmailSendResult.Permanent(error);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            var error = WithoutPassword(
                exception is SmtpCommandException command ? Describe(command) : $"{exception.GetType().Name}: {exception.Message}", smtp.Password);
            LogTransient(logger, message.MessageId, smtp.Host, smtp.EffectivePort, error);
            return EmailSendResult.Transient(error);
        }
    }

    private MimeMessage Build(SmtpOptions smtp, MailboxAddress recipient, EmailMessage message)
    {
        var mime = new MimeMessage
        {
            Subject = message.Subject,
            MessageId = message.MessageId,
            Date = timeProvider.GetUtcNow(),
            Body = new BodyBuilder { TextBody = message.Text, HtmlBody = message.Html }.ToMessageBody(),
        };
        mime.From.Add(MailboxAddress.Parse(smtp.From ?? string.Empty));
        mime.To.Add(recipient);
        return mime;
    }

    private static SecureSocketOptions SocketOptions(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.Ssl => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTls,
    };

    /// <summary>An exception's text is not ours: should a library ever echo the password, it is masked before it is logged or stored.</summary>
    private static string WithoutPassword(string error, string? password) =>
        string.IsNullOrEmpty(password) ? error : error.Replace(password, "***", StringComparison.Ordinal);

    private static string Describe(SmtpCommandException exception) => string.Create(
        CultureInfo.InvariantCulture,
        $"SMTP {(int)exception.StatusCode} ({exception.ErrorCode}): {exception.Message}");

    [LoggerMessage(Level = LogLevel.Information, Message = "Email {MessageId} sent through {SmtpHost}:{SmtpPort}")]
    private static partial void LogSent(ILogger logger, string messageId, string smtpHost, int smtpPort);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email {MessageId} rejected permanently: {EmailError}")]
    private static partial void LogRejected(ILogger logger, string messageId, string emailError);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email {MessageId} not sent through {SmtpHost}:{SmtpPort}, will retry: {EmailError}")]
    private static partial void LogTransient(ILogger logger, string messageId, string smtpHost, int smtpPort, string emailError);
}
