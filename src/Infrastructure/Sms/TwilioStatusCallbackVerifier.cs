using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using RiskPlatform.Application.Common.Interfaces;

namespace RiskPlatform.Infrastructure.Sms;

/// <summary>
/// Checks <c>X-Twilio-Signature</c> against the configured <see cref="TwilioOptions.StatusCallbackUrl"/> (what Twilio
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
        var expected = TwilioRequestSignature.Compute(settings.AuthToken, signedUrl, parameters);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature));
    }
}
