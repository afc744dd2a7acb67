namespace RiskPlatform.Api.Infrastructure;

/// <summary>Section <c>Https</c>: see <see cref="SecurityHeaders"/>. Redirect and HSTS default to on outside Development.</summary>
public sealed class HttpsOptions
{
    public const string SectionName = "Https";

    /// <summary>Redirect plain-HTTP requests to HTTPS (308).</summary>
    public bool Redirect { get; set; }

    /// <summary>Send <c>Strict-Transport-Security</c> on HTTPS responses (never to localhost).</summary>
    public bool Hsts { get; set; }

    public int HstsMaxAgeDays { get; set; } = 365;

    public bool HstsIncludeSubDomains { get; set; }

    /// <summary>The HTTPS port redirects point at; null lets the server find it (its HTTPS endpoint, or 443 behind a proxy).</summary>
    public int? Port { get; set; }
}
