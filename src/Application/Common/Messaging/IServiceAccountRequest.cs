namespace RiskPlatform.Application.Common.Messaging;

/// <summary>
/// An account command or read the service sends by itself (the monitor's screens, runs and actions, a quote's fills), with no
/// signed-in owner: it names the account whose actor answers it.
/// </summary>
public interface IServiceAccountRequest
{
    Guid AccountUserId { get; }
}
