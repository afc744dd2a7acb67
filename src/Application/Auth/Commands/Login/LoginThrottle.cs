namespace RiskPlatform.Application.Auth.Commands.Login;

/// <summary>
/// Five failures for one email, or twenty from one IP address, within fifteen minutes lock sign-in: every attempt beyond
/// them gets 429 until the oldest counted failure leaves the window.
/// </summary>
internal static class LoginThrottle
{
    public const int MaxFailuresPerEmail = 5;
    public const int MaxFailuresPerIpAddress = 20;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
}
