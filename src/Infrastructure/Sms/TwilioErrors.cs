using System.Collections.Frozen;

namespace RiskPlatform.Infrastructure.Sms;

/// <summary>
/// Twilio error codes that make a message impossible to send to that recipient, so retrying cannot help. Every other
/// refusal (authentication, a bad sender, rate limits, server errors) is retried: an operator can fix it.
/// </summary>
internal static class TwilioErrors
{
    private static readonly FrozenSet<int> Permanent = new[]
    {
        21211, // invalid 'To' phone number
        21214, // 'To' phone number cannot be reached
        21217, // phone number does not appear to be valid
        21219, // 'To' phone number not verified (trial accounts)
        21408, // permission to send to this region is not enabled
        21610, // the recipient unsubscribed (replied STOP)
        21612, // the 'To' number is not currently reachable via SMS
        21614, // 'To' number is not a valid mobile number
        21635, // 'To' number cannot receive SMS
    }.ToFrozenSet();

    public static bool IsPermanent(int code) => Permanent.Contains(code);
}
