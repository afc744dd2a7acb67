using Microsoft.Extensions.Options;
using RiskPlatform.Application.Notifications.Common;

namespace RiskPlatform.Infrastructure.Push;

/// <summary>
/// Browser push needs its VAPID key pair and a contact in every environment: Development generates them into the
/// development secrets file; anywhere else a missing or broken setting stops the service at start, named here.
/// </summary>
internal sealed class PushOptionsValidator : IValidateOptions<PushOptions>
{
    public ValidateOptionsResult Validate(string? name, PushOptions options)
    {
        var failures = new List<string>();
        var vapid = options.Vapid;
        if (string.IsNullOrWhiteSpace(vapid.PublicKey) || string.IsNullOrWhiteSpace(vapid.PrivateKey))
        {
            failures.Add("Push:Vapid:PublicKey and Push:Vapid:PrivateKey are required (a P-256 key pair, base64url; Development generates one).");
        }
        else if (VapidKeys.Problem(vapid.PublicKey.Trim(), vapid.PrivateKey.Trim()) is { } problem)
        {
            failures.Add(problem);
        }

        var subject = vapid.Subject?.Trim();
        if (string.IsNullOrEmpty(subject)
            || !(subject.StartsWith("mailto:", StringComparison.Ordinal) && subject.Length > "mailto:".Length
                || Uri.TryCreate(subject, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps))
        {
            failures.Add("Push:Vapid:Subject is required: a mailto: or https: contact for the push services, e.g. \"mailto:ops@example.com\".");
        }

        if (options.MaxSubscriptionsPerUser < 1)
        {
            failures.Add("Push:MaxSubscriptionsPerUser must be at least 1.");
        }

        if (options.Timeout <= TimeSpan.Zero || options.Timeout > TimeSpan.FromMinutes(1))
        {
            failures.Add("Push:Timeout must be between 0 and 1 minute.");
        }

        if (options.TimeToLive < TimeSpan.Zero || options.TimeToLive > TimeSpan.FromDays(28))
        {
            failures.Add("Push:TimeToLive must be between 0 and 28 days.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
