namespace RiskPlatform.Infrastructure.Sms;

/// <summary>
/// Section <c>Sms:Twilio</c>. SMS is enabled when <see cref="AccountSid"/> and <see cref="AuthToken"/> are set, with a
/// sender: <see cref="From"/> or <see cref="MessagingServiceSid"/>. The token is never logged.
/// </summary>
public sealed class TwilioOptions
{
    public const string SectionName = "Sms:Twilio";

    /// <summary>Connections open at once to Twilio's API (requests beyond wait for one): the outbox sends in parallel, politely.</summary>
    public const int MaxConnections = 8;

    public string? AccountSid { get; set; }

    /// <summary>Basic-auth password of the API and the key of the callback signatures. Never logged.</summary>
    public string? AuthToken { get; set; }

    /// <summary>The sending number (E.164), unless <see cref="MessagingServiceSid"/> is set.</summary>
    public string? From { get; set; }

    public string? MessagingServiceSid { get; set; }

    /// <summary>Twilio's REST API; tests point it at a fake.</summary>
    public Uri BaseUrl { get; set; } = new("https://api.twilio.com");

    /// <summary>
    /// The public URL of <c>POST /api/v1/notifications/sms/status</c> as Twilio reaches it: sent with each message so Twilio
    /// reports delivery, and the URL the callback signatures are checked against. Unset: no status callbacks.
    /// </summary>
    public Uri? StatusCallbackUrl { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    public bool IsConfigured =>
        !string.IsNullOrWhiteSpace(AccountSid) && !string.IsNullOrWhiteSpace(AuthToken)
        && (!string.IsNullOrWhiteSpace(From) || !string.IsNullOrWhiteSpace(MessagingServiceSid));
}
