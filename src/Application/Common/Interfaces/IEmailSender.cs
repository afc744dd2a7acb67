using RiskPlatform.Application.Common.Email;

namespace RiskPlatform.Application.Common.Interfaces;

/// <summary>
/// Sends one email. Never throws for a delivery problem: the result says whether it was sent, failed for now (retry later)
/// or failed for good (a permanent refusal, e.g. an SMTP 5xx reply). Cancellation still throws.
/// </summary>
public interface IEmailSender
{
    Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
