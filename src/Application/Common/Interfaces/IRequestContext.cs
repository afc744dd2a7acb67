namespace RiskPlatform.Application.Common.Interfaces;

/// <summary>Where the current request came from, for the audit trail and for throttling.</summary>
public interface IRequestContext
{
    string? IpAddress { get; }

    string? UserAgent { get; }

    string? TraceId { get; }
}
