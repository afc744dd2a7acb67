namespace RiskPlatform.Application.Common.Interfaces;

/// <summary>Sends one text message now (the SMS provider, Twilio). Never throws for a delivery problem; the result says what happened.</summary>
public interface ISmsSender
{
    Task<SmsSendResult> SendAsync(string to, string text, CancellationToken cancellationToken);
}

/// <param name="Sent">Accepted by the provider.</param>
/// <param name="Permanent">Refused for good (e.g. a number that cannot receive); otherwise a retry may work.</param>
/// <param name="Error">Why it was not sent (never a secret).</param>
public sealed record SmsSendResult(bool Sent, bool Permanent = false, string? Error = null, string? ProviderId = null);
