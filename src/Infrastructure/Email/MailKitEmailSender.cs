using System.Collections.Concurrent;
using System.Globalization;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using RiskPlatform.Application.Common.Email;
using RiskPlatform.Application.Common.Interfaces;

namespace RiskPlatform.Infrastructure.Email;

/// <summary>
/// <see cref="IEmailSender"/> over SMTP with MailKit. Up to <see cref="SmtpOptions.MaxConnections"/> connections carry one
/// message at a time each (further sends wait for one); a connection that sent its message is kept open and reused while
/// idle for less than <see cref="SmtpOptions.ConnectionIdleTimeout"/>, so a burst of mail does not pay a connect, a TLS
/// handshake and an authentication per message. A connection that failed in any way is closed, never reused; when a reused
/// one turns out to be dead (the server closed it, or answered 421), the message goes out on a new connection at once. A
/// 5xx reply is a permanent failure; anything else that goes wrong — a 4xx reply, a refused, dropped or timed-out
/// connection, a TLS or an authentication problem, a server without STARTTLS when <c>Smtp:Security</c> is starttls
/// (MailKit's <see cref="NotSupportedException"/>), or any exception not foreseen here — is a transient failure, so the
/// outbox records the attempt, backs off and gives up after its attempt limit instead of retrying unseen (configuration
/// faults are fixed by an operator, not reasons to drop the mail at once). Only the caller's cancellation escapes. The
/// password is never logged or put into an error.
/// </summary>
internal sealed partial class MailKitEmailSender(IOptions<SmtpOptions> options, TimeProvider timeProvider, ILogger<MailKitEmailSender> logger)
    : IEmailSender, IDisposable
{
    private readonly SemaphoreSlim _slots = new(Math.Max(1, options.Value.MaxConnections));
    private readonly ConcurrentStack<IdleConnection> _idle = new();
    private int _disposed;

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
        await _slots.WaitAsync(cancellationToken);
        SmtpClient? client = null;
        try
        {
            if (TakeIdle(smtp) is { } reused)
            {
                client = reused;
                try
                {
                    await reused.SendAsync(mime, cancellationToken);
                    Keep(reused, smtp);
                    client = null;
                    LogSent(logger, message.MessageId, smtp.Host, smtp.EffectivePort);
                    return EmailSendResult.Sent;
                }
                catch (Exception exception) when (!cancellationToken.IsCancellationRequested && IsDeadConnection(exception))
                {
                    // The server closed the idle connection: the message was not taken; send it on a new one.
                    LogReconnecting(logger, message.MessageId, smtp.Host, smtp.EffectivePort);
                    reused.Dispose();
                    client = null;
                }
            }

            client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
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
            Keep(client, smtp);
            client = null;
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
        finally
        {
            // A connection that failed (or was cancelled) mid-conversation is in an unknown state: closed, never reused.
            client?.Dispose();
            _slots.Release();
        }
    }

    /// <summary>Closes the idle connections (the service is stopping).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        while (_idle.TryPop(out var idle))
        {
            idle.Client.Dispose();
        }

        _slots.Dispose();
    }

    /// <summary>The most recently used open connection still fresh enough, or null; stale and closed ones are dropped.</summary>
    private SmtpClient? TakeIdle(SmtpOptions smtp)
    {
        while (_idle.TryPop(out var idle))
        {
            if (idle.Client.IsConnected && Environment.TickCount64 - idle.Since < smtp.ConnectionIdleTimeout.TotalMilliseconds)
            {
                return idle.Client;
            }

            idle.Client.Dispose();
        }

        return null;
    }

    private void Keep(SmtpClient client, SmtpOptions smtp)
    {
        if (smtp.ConnectionIdleTimeout <= TimeSpan.Zero || Volatile.Read(ref _disposed) == 1)
        {
            client.Dispose();
            return;
        }

        _idle.Push(new IdleConnection(client, Environment.TickCount64));
    }

    /// <summary>What a reused connection the server has given up on looks like (nothing of the message was accepted).</summary>
    private static bool IsDeadConnection(Exception exception) =>
        exception is IOException or SmtpProtocolException or ServiceNotConnectedException
        || exception is SmtpCommandException { StatusCode: SmtpStatusCode.ServiceNotAvailable };

    private sealed record IdleConnection(SmtpClient Client, long Since);

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

    [LoggerMessage(Level = LogLevel.Debug, Message = "Email {MessageId}: the reused connection to {SmtpHost}:{SmtpPort} was closed by the server; connecting again")]
    private static partial void LogReconnecting(ILogger logger, string messageId, string smtpHost, int smtpPort);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email {MessageId} rejected permanently: {EmailError}")]
    private static partial void LogRejected(ILogger logger, string messageId, string emailError);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email {MessageId} not sent through {SmtpHost}:{SmtpPort}, will retry: {EmailError}")]
    private static partial void LogTransient(ILogger logger, string messageId, string smtpHost, int smtpPort, string emailError);
}
