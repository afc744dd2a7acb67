namespace RiskPlatform.Application.Common.Interfaces;

/// <summary>
/// Decides whether the service may send to a URL (server-side request forgery guard): https only, and every address the
/// host resolves to must be public — no loopback, private, link-local, cloud-metadata or unspecified address.
/// </summary>
public interface IWebhookUrlGuard
{
    /// <summary>Why the URL is refused, or null when it may be used.</summary>
    Task<string?> RefusalAsync(Uri url, CancellationToken cancellationToken);
}
