using Microsoft.Extensions.Options;
using RiskPlatform.Application.Common.Interfaces;
using Twilio.Security;

namespace RiskPlatform.Infrastructure.Sms;

/// <summary>
/// Checks <c>X-Twilio-Signature</c> with Twilio's <see cref="RequestValidator"/> (HMAC-SHA1 under the auth token of the URL
/// and the posted fields sorted by name, compared in constant time; the URL also tried with its default port added or
/// removed, as Twilio may sign either) against the configured <see cref="TwilioOptions.StatusCallbackUrl"/> (what Twilio
/// signed, whatever proxies sit in front of us) or, without one, the URL the request arrived at. Without an auth token
/// nothing is authentic.
/// </summary>
internal sealed class TwilioStatusCallbackVerifier(IOptions<TwilioOptions> options) : ISmsStatusCallbackVerifier
{
    public bool IsAuthentic(string url, IReadOnlyDictionary<string, string> parameters, string? signature)
    {
        var settings = options.Value;
        if (string.IsNullOrEmpty(settings.AuthToken) || string.IsNullOrEmpty(signature))
        {
            return false;
        }

        var signedUrl = settings.StatusCallbackUrl?.AbsoluteUri ?? url;
        return new RequestValidator(settings.AuthToken).Validate(signedUrl, parameters.ToDictionary(StringComparer.Ordinal), signature);
    }
}
