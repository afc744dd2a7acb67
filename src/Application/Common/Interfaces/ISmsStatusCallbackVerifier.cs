namespace RiskPlatform.Application.Common.Interfaces;

/// <summary>Checks that an SMS status callback comes from the provider (Twilio's <c>X-Twilio-Signature</c>).</summary>
public interface ISmsStatusCallbackVerifier
{
    /// <param name="url">The URL the provider posted to, as it knows it.</param>
    /// <param name="parameters">The posted form fields.</param>
    /// <param name="signature">The signature header, or null when missing.</param>
    bool IsAuthentic(string url, IReadOnlyDictionary<string, string> parameters, string? signature);
}
