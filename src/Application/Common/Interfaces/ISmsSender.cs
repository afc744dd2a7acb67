using RiskPlatform.Application.Common.Sms;

namespace RiskPlatform.Application.Common.Interfaces;

/// <summary>Sends one text message now (the SMS provider, Twilio). Never throws for a delivery problem; the result says what happened.</summary>
public interface ISmsSender
{
    Task<SmsSendResult> SendAsync(string to, string text, CancellationToken cancellationToken);
}
