namespace RiskPlatform.Application.Common.Sms;

/// <summary>What the SMS provider did with one text message.</summary>
/// <param name="Sent">Accepted by the provider.</param>
/// <param name="Permanent">Refused for good (e.g. a number that cannot receive); otherwise a retry may work.</param>
/// <param name="Error">Why it was not sent (never a secret).</param>
public sealed record SmsSendResult(bool Sent, bool Permanent = false, string? Error = null, string? ProviderId = null);
