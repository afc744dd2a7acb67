namespace RiskPlatform.Application.Auth.Common;

/// <summary>
/// Account settings (configuration section <c>Accounts</c>). <see cref="AdminEmails"/> once made whoever registered a listed
/// address an admin; nothing proves that a registrant owns an address, so it is no longer honoured and the service refuses to
/// start while it is set, rather than let an operator believe it still works. Operators grant admin with
/// <c>users grant-admin EMAIL</c> on the command line.
/// </summary>
public sealed class AccountOptions
{
    public const string SectionName = "Accounts";

    public const string AdminEmailsRemoved =
        "Accounts:AdminEmails is no longer honoured (nothing proves a registrant owns the address): remove it and grant admin "
        + "with `dotnet run --project src/Api -- users grant-admin EMAIL`.";

    public IList<string> AdminEmails { get; } = [];

    /// <summary>
    /// The page of the web front end that confirms an email address: the verification email links to it with
    /// <c>?token=…</c> appended, and the page posts the token to <c>POST /api/v1/auth/verify-email</c>. Without it the email
    /// carries the token alone.
    /// </summary>
    public Uri? EmailVerificationUrl { get; set; }

    /// <summary>Whether registering sends the verification link at once (otherwise only <c>POST /auth/resend-verification</c> does).</summary>
    public bool SendVerificationEmailOnRegister { get; set; } = true;

    /// <summary>How long a verification link stays valid (1–168 hours).</summary>
    public int EmailVerificationHours { get; set; } = 24;

    /// <summary>
    /// The shortest password register accepts (8–128). 8 keeps the earlier system's clients working; new deployments should
    /// set 12 or more.
    /// </summary>
    public int PasswordMinLength { get; set; } = 8;

    /// <summary>
    /// An operator's own list of passwords to refuse (one per line, compared ignoring case; lines starting with
    /// <c>#!comment:</c> are skipped), added to the list shipped with the service. Read once at start; a file that cannot be
    /// read stops the service from starting.
    /// </summary>
    public string? CommonPasswordsFile { get; set; }

    /// <summary>
    /// PBKDF2 iterations for new password hashes (ASP.NET Core Identity's format 3: HMAC-SHA512). 210,000 is OWASP's figure
    /// for PBKDF2-HMAC-SHA512, the equal of 600,000 with SHA-256. A hash made with fewer is replaced at its next sign-in.
    /// </summary>
    public int PasswordHashIterations { get; set; } = 210_000;

    public bool IsValid => EmailVerificationHours is >= 1 and <= 168
        && PasswordMinLength is >= 8 and <= 128
        && PasswordHashIterations is >= 100_000 and <= 10_000_000
        && (EmailVerificationUrl is null || (EmailVerificationUrl.IsAbsoluteUri && EmailVerificationUrl.Scheme is "https" or "http"));
}
