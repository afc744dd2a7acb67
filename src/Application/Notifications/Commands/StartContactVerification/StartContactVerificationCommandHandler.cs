using System.Globalization;
using System.Security.Cryptography;
using MediatR;
using Microsoft.Extensions.Options;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Email;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Notifications.Common;
using RiskPlatform.Application.Notifications.Specifications;
using RiskPlatform.Application.Notifications.Templates;
using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.Notifications;
using RiskPlatform.Domain.Notifications.Contacts;

namespace RiskPlatform.Application.Notifications.Commands.StartContactVerification;

/// <summary>
/// Issues a code and sends it straight to the address (email, or SMS as text) — never through the notification outbox, so
/// it never reaches the in-app inbox and is never stored but as a hash. The code and the send count are committed before
/// the send (no transaction is held while the mail or SMS provider answers, and a send that fails still counts against
/// the limits); a failed send is a 503 and another code can be asked for after the resend interval.
/// </summary>
internal sealed class StartContactVerificationCommandHandler(
    IRepository<ContactPoint> contacts,
    IUnitOfWork unitOfWork,
    IEmailAvailability emailAvailability,
    IEmailSender emailSender,
    ISmsAvailability smsAvailability,
    ISmsSender smsSender,
    ICurrentUser currentUser,
    AuditScope audit,
    IOptions<ContactOptions> options,
    TimeProvider timeProvider) : IRequestHandler<StartContactVerificationCommand, ContactVerificationDto>
{
    public async Task<ContactVerificationDto> Handle(StartContactVerificationCommand request, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireUserId();
        var channel = request.Channel!.Value;
        var address = ContactPoint.Normalize(channel, request.Address)!;
        var now = timeProvider.GetUtcNow().UtcDateTime;
        if (channel == NotificationChannel.Email ? !emailAvailability.IsConfigured : !smsAvailability.IsConfigured)
        {
            throw new ServiceUnavailableException(
                "contact_verification.channel_not_configured", $"{(channel == NotificationChannel.Email ? "Email" : "SMS")} is not configured on this service.");
        }

        var contact = await contacts.FirstOrDefaultAsync(new ContactPointByAddressSpec(userId, channel, address), cancellationToken);
        if (contact is { IsVerified: true })
        {
            audit.Target("notification_contact", contact.Id).Unremarkable();
            return new ContactVerificationDto(channel, address, "verified", null, null, null);
        }

        if (contact is null)
        {
            var max = options.Value.MaxPendingPerUser;
            if (await contacts.CountAsync(new ContactPointsOfUserSpec(userId, verified: false), cancellationToken) >= max)
            {
                throw new ConflictException(
                    "contact_verification.too_many_pending", $"At most {max} addresses may wait for verification at once; confirm one first.");
            }

            contact = ContactPoint.Create(userId, channel, address, now);
            contacts.Add(contact);
        }

        audit.Target("notification_contact", contact.Id);
        if (contact.SendBlockedFor(now) is { } wait)
        {
            throw new TooManyRequestsException(
                ContactPoint.Errors.TooManyCodes,
                string.Create(CultureInfo.InvariantCulture, $"A code was sent recently; another can be sent in {Math.Ceiling(wait.TotalSeconds)} s."),
                wait);
        }

        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        contact.IssueCode(code, now);
        await unitOfWork.CommitSoFarAsync(cancellationToken);

        var error = channel == NotificationChannel.Email ? await SendEmailAsync(address, code, cancellationToken) : await SendSmsAsync(address, code, cancellationToken);
        if (error is not null)
        {
            audit.Describe($"Verification code for a {WireName(channel)} address could not be sent");
            throw new ServiceUnavailableException("contact_verification.send_failed", $"The code could not be sent: {error}")
            {
                RetryAfter = ContactPoint.ResendInterval,
            };
        }

        audit.Describe($"Sent a verification code to a {WireName(channel)} address");
        return new ContactVerificationDto(channel, address, "code_sent", contact.CodeExpiresAt, now + ContactPoint.ResendInterval, contact.AttemptsLeft);
    }

    private async Task<string?> SendEmailAsync(string address, string code, CancellationToken cancellationToken)
    {
        var message = ContactVerificationMessages.Email(code, address, options.Value.ConfirmUrl);
        var result = await emailSender.SendAsync(
            new EmailMessage(address, message.Subject, message.Text, message.Html, string.Create(CultureInfo.InvariantCulture, $"{Guid.CreateVersion7():D}@riskplatform")),
            cancellationToken);
        return result.Outcome == EmailSendOutcome.Sent ? null : result.Error ?? "the mail server refused it";
    }

    private async Task<string?> SendSmsAsync(string address, string code, CancellationToken cancellationToken)
    {
        var result = await smsSender.SendAsync(address, ContactVerificationMessages.Sms(code), cancellationToken);
        return result.Sent ? null : result.Error ?? "the SMS provider refused it";
    }

    private static string WireName(NotificationChannel channel) => channel == NotificationChannel.Email ? "email" : "sms";
}
