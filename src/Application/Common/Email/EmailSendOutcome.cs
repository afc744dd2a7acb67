namespace RiskPlatform.Application.Common.Email;

public enum EmailSendOutcome
{
    Sent,

    /// <summary>Worth retrying: a 4xx reply, a refused or dropped connection, a timeout.</summary>
    TransientFailure,

    /// <summary>Retrying cannot help: a 5xx reply to the message or its recipient.</summary>
    PermanentFailure,
}
