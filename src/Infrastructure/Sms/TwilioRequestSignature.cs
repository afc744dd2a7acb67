using System.Security.Cryptography;
using System.Text;

namespace RiskPlatform.Infrastructure.Sms;

/// <summary>
/// Twilio's <c>X-Twilio-Signature</c>: base64(HMAC-SHA1(auth token, the full URL followed by every posted field's name and
/// value, sorted by name (ordinal)).
/// </summary>
internal static class TwilioRequestSignature
{
    public const string Header = "X-Twilio-Signature";

    public static string Compute(string authToken, string url, IReadOnlyDictionary<string, string> parameters)
    {
        var content = new StringBuilder(url);
        foreach (var (name, value) in parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            content.Append(name).Append(value);
        }

#pragma warning disable CA5350 // Twilio's scheme is HMAC-SHA1; we verify it, we do not choose it.
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(content.ToString())));
#pragma warning restore CA5350
    }
}
