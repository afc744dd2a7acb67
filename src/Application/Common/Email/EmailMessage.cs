namespace RiskPlatform.Application.Common.Email;

/// <summary>
/// One email for <see cref="IEmailSender"/>. <paramref name="MessageId"/> is the Message-ID without angle brackets
/// (e.g. <c>{deliveryId}@riskplatform</c>): a resend after a crash carries the same id, so it is recognisably the same message.
/// </summary>
public sealed record EmailMessage(string To, string Subject, string Text, string Html, string MessageId)
{
    /// <summary>Never the body: it may carry a verification link.</summary>
    public override string ToString() => $"{nameof(EmailMessage)} {{ MessageId = {MessageId}, Subject = {Subject} }}";
}
