namespace RiskPlatform.Api.Infrastructure;

/// <summary>
/// Request budgets (configuration section <c>RateLimits</c>), one per policy: <c>RateLimits:&lt;Policy&gt;:PermitLimit</c>
/// requests per <c>RateLimits:&lt;Policy&gt;:Window</c> (a fixed window) for each signed-in user, or for each client IP address
/// on anonymous routes. <c>RateLimits:Enabled=false</c> switches them all off (a benchmark, or a gateway that limits instead).
/// </summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    public bool Enabled { get; set; } = true;

    /// <summary><c>POST /auth/register</c>, per IP: each call spends a deliberately slow password hash.</summary>
    public RateLimitBudget Register { get; set; } = new() { PermitLimit = 20, Window = TimeSpan.FromMinutes(1) };

    /// <summary>
    /// <c>POST /auth/login</c> and <c>POST /auth/mfa/verify</c>, per IP: a ceiling on sign-in traffic from one address, on top
    /// of the per-(email, address) failure throttle. Generous, because a web front end signs everyone in from its own address.
    /// </summary>
    public RateLimitBudget Login { get; set; } = new() { PermitLimit = 60, Window = TimeSpan.FromMinutes(1) };

    /// <summary><c>POST /auth/refresh</c>, per IP: a client refreshes once per access-token lifetime, not in a loop.</summary>
    public RateLimitBudget Refresh { get; set; } = new() { PermitLimit = 120, Window = TimeSpan.FromMinutes(1) };

    /// <summary><c>POST /orders</c>, per user: sized for a trading bot (10 a second on average), not for a flood.</summary>
    public RateLimitBudget Orders { get; set; } = new() { PermitLimit = 600, Window = TimeSpan.FromMinutes(1) };

    /// <summary>
    /// Risk reads that may reach the broker (<c>/risk-rules/test</c>, <c>/risk-rules/max-quantity</c>,
    /// <c>/risk-rules/calculate-position-size</c>, <c>/risk-rules/portfolio-risk</c>), per user.
    /// </summary>
    public RateLimitBudget RiskChecks { get; set; } = new() { PermitLimit = 120, Window = TimeSpan.FromMinutes(1) };

    /// <summary><c>POST /api-keys/{id}/verify</c>, per user: each one calls the broker with the key.</summary>
    public RateLimitBudget KeyVerification { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(1) };

    /// <summary><c>POST /notifications/test</c>, per user: each one may send an email or call a webhook.</summary>
    public RateLimitBudget TestNotifications { get; set; } = new() { PermitLimit = 5, Window = TimeSpan.FromMinutes(1) };

    /// <summary><c>POST /auth/resend-verification</c>, per user: each one sends an email.</summary>
    public RateLimitBudget VerificationEmails { get; set; } = new() { PermitLimit = 3, Window = TimeSpan.FromMinutes(10) };

    public IEnumerable<(string Name, RateLimitBudget Budget)> Budgets() =>
    [
        (nameof(Register), Register),
        (nameof(Login), Login),
        (nameof(Refresh), Refresh),
        (nameof(Orders), Orders),
        (nameof(RiskChecks), RiskChecks),
        (nameof(KeyVerification), KeyVerification),
        (nameof(TestNotifications), TestNotifications),
        (nameof(VerificationEmails), VerificationEmails),
    ];

    public bool IsValid => Budgets().All(b => b.Budget is { PermitLimit: > 0, Window.Ticks: > 0 } && b.Budget.Window <= TimeSpan.FromDays(1));
}
