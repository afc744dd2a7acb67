namespace RiskPlatform.Application.Common.Interfaces;

/// <summary>Where the current request came from, for the audit trail and for throttling.</summary>
public interface IRequestContext
{
    string? IpAddress { get; }

    string? UserAgent { get; }

    string? TraceId { get; }

    /// <summary>The step-up proof of a recent second factor the request carries (<c>X-MFA-Proof</c>), if any.</summary>
    string? MfaProof { get; }
}
