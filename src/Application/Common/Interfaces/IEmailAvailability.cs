namespace RiskPlatform.Application.Common.Interfaces;

/// <summary>Whether an email transport is configured; when it is not, email deliveries are planned <c>unsupported</c>.</summary>
public interface IEmailAvailability
{
    bool IsConfigured { get; }
}
