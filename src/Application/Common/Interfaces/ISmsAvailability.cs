namespace RiskPlatform.Application.Common.Interfaces;

/// <summary>Whether an SMS transport (Twilio) is configured; when it is not, sms deliveries are planned <c>unsupported</c>.</summary>
public interface ISmsAvailability
{
    bool IsConfigured { get; }
}
