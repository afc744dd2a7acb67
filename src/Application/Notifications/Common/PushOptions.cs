namespace RiskPlatform.Application.Notifications.Common;

/// <summary>
/// Configuration section <c>Push</c>: browser push (Web Push, RFC 8030) with VAPID (RFC 8292). The key pair identifies
/// this service to the push services; browsers subscribe with <see cref="VapidOptions.PublicKey"/> as their
/// <c>applicationServerKey</c>, so changing it orphans every subscription. Required outside Development (generated into
/// the development secrets file there).
/// </summary>
public sealed class PushOptions
{
    public const string SectionName = "Push";

    public VapidOptions Vapid { get; set; } = new();

    /// <summary>Browsers one user may subscribe.</summary>
    public int MaxSubscriptionsPerUser { get; set; } = 10;

    /// <summary>Timeout of one delivery attempt to a push service.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a push service keeps a message for an offline browser, unless the notification expires sooner.</summary>
    public TimeSpan TimeToLive { get; set; } = TimeSpan.FromHours(24);
}

/// <summary><c>Push:Vapid</c>: the application server's P-256 key pair, base64url, and the contact the push services see.</summary>
public sealed class VapidOptions
{
    /// <summary>The uncompressed public key (65 bytes), base64url.</summary>
    public string? PublicKey { get; set; }

    /// <summary>The private scalar (32 bytes), base64url. A secret.</summary>
    public string? PrivateKey { get; set; }

    /// <summary>A <c>mailto:</c> or <c>https:</c> contact for the push services' operators.</summary>
    public string? Subject { get; set; }
}
