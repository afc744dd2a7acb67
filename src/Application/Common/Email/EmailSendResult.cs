namespace RiskPlatform.Application.Common.Email;

/// <summary>The outcome of <see cref="IEmailSender.SendAsync"/>; <see cref="Error"/> describes a failure (never a secret).</summary>
public sealed record EmailSendResult(EmailSendOutcome Outcome, string? Error)
{
    public static readonly EmailSendResult Sent = new(EmailSendOutcome.Sent, null);

    public static EmailSendResult Transient(string error) => new(EmailSendOutcome.TransientFailure, error);

    public static EmailSendResult Permanent(string error) => new(EmailSendOutcome.PermanentFailure, error);
}
