namespace RiskPlatform.Application.Auth.Commands.Login;

/// <summary>More than five failures for one email, or twenty from one IP address, within fifteen minutes locks sign-in.</summary>
internal static class LoginThrottle
{
    public const int MaxFailuresPerEmail = 5;
    public const int MaxFailuresPerIpAddress = 20;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
}
