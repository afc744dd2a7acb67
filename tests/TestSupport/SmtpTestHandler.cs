namespace RiskPlatform.TestSupport;

/// <summary>What the <see cref="SmtpTestServer"/> does with a message.</summary>
public enum SmtpTestHandler
{
    /// <summary>Accepts and stores it in the Maildir (aiosmtpd.handlers.Mailbox).</summary>
    Mailbox,

    /// <summary>Refuses every recipient with <c>550</c>.</summary>
    PermanentReject,

    /// <summary>Refuses every recipient with <c>451</c>.</summary>
    TransientReject,
}
