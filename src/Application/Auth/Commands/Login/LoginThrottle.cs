namespace RiskPlatform.Application.Auth.Commands.Login;

/// <summary>
/// Five failures for one email from one IP address, or twenty from one IP address across emails, within fifteen minutes
/// lock sign-in from that address: every attempt beyond them gets 429 until the oldest counted failure leaves the window.
/// Failures from elsewhere never lock an account's owner out. The count and the new failure are one step under a lock on
/// (email, address), so parallel guesses cannot pass the cap.
/// </summary>
internal static class LoginThrottle
{
    public const int MaxFailuresPerEmailFromIpAddress = 5;
    public const int MaxFailuresPerIpAddress = 20;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    /// <summary>The key of the lock that makes counting and recording a failure one step.</summary>
    public static string LockKey(string normalizedEmail, string? ipAddress) => $"sign-in:{normalizedEmail}|{ipAddress}";
}
