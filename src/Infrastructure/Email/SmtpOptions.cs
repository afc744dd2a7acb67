using System.Diagnostics.CodeAnalysis;

namespace RiskPlatform.Infrastructure.Email;

/// <summary>
/// Section <c>Smtp</c> (environment <c>Smtp__Host</c>, …). Email is enabled only when <see cref="Host"/> is set; then the
/// options are validated when the service starts (<see cref="SmtpOptionsValidator"/>).
/// </summary>
public sealed class SmtpOptions
{
    public const string SectionName = "Smtp";

    public string? Host { get; set; }

    /// <summary>Defaults by <see cref="Security"/>: 25 for none, 587 for starttls, 465 for ssl.</summary>
    public int? Port { get; set; }

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>Optional; when set, <see cref="Password"/> is required too.</summary>
    public string? Username { get; set; }

    /// <summary>Never logged.</summary>
    public string? Password { get; set; }

    /// <summary>The sender, e.g. <c>RiskPlatform &lt;alerts@example.com&gt;</c>.</summary>
    public string? From { get; set; }

    /// <summary>For the connection and each SMTP command.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// SMTP connections kept open and used at once (one message at a time each); sends beyond wait for a free one. An open
    /// connection is reused for later messages while idle for less than <see cref="ConnectionIdleTimeout"/>. Each message
    /// takes several round trips, so this bounds email throughput: 4 could not carry 70 emails/s to a local sink while the
    /// create path kept the CPU busy (docs/PERFORMANCE.md); lower it for a relay that allows fewer connections per client
    /// (a refused connection is a transient failure, retried).
    /// </summary>
    public int MaxConnections { get; set; } = 16;

    /// <summary>How long an open SMTP connection may sit unused before it is closed instead of reused.</summary>
    public TimeSpan ConnectionIdleTimeout { get; set; } = TimeSpan.FromSeconds(30);

    [MemberNotNullWhen(true, nameof(Host))]
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);

    public int EffectivePort => Port ?? Security switch
    {
        SmtpSecurity.Ssl => 465,
        SmtpSecurity.StartTls => 587,
        _ => 25,
    };
}
