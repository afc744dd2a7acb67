namespace RiskPlatform.Infrastructure.Email;

/// <summary><c>Smtp:Security</c>: <c>none</c> (plain, e.g. a local relay), <c>starttls</c> (upgrade required) or <c>ssl</c> (TLS from the start).</summary>
public enum SmtpSecurity
{
    None,
    StartTls,
    Ssl,
}
