namespace RiskPlatform.Application.Notifications.Common;

/// <summary>Configuration section <c>Notifications:Webhooks</c>.</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Notifications:Webhooks";

    /// <summary>
    /// Loopback endpoints (http or https) are accepted: for a developer receiving on their own machine. Only Development and
    /// the tests set it; the service refuses to start with it in Production.
    /// </summary>
    public bool AllowLoopback { get; set; }

    /// <summary>Failed attempts in a row after which an endpoint is disabled (and its owner notified).</summary>
    public int DisableAfterFailures { get; set; } = 15;

    /// <summary>How long the previous secret keeps signing after a rotation.</summary>
    public TimeSpan SecretOverlap { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Endpoints one user may register.</summary>
    public int MaxEndpointsPerUser { get; set; } = 10;

    /// <summary>Timeout of one delivery attempt (connection, request and the capped response read).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Bytes of a response body read at most (kept for the error message); the rest is never read.</summary>
    public int MaxResponseBytes { get; set; } = 4096;

    /// <summary>
    /// Connections open at once to one endpoint (scheme, host and port), and so requests in flight to it; further sends
    /// to it wait for one of them, so one busy receiver takes at most this share of the outbox's parallel sends.
    /// </summary>
    public int MaxConnectionsPerEndpoint { get; set; } = 8;
}
