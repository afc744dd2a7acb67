using Microsoft.Extensions.Configuration;
using RiskPlatform.Application.Common.Interfaces;

namespace RiskPlatform.Infrastructure.Notifications;

/// <summary>Email is available when configuration <c>Smtp:Host</c> is set (read once, at start-up).</summary>
internal sealed class SmtpAvailability(IConfiguration configuration) : IEmailAvailability
{
    public const string HostKey = "Smtp:Host";

    public bool IsConfigured { get; } = !string.IsNullOrWhiteSpace(configuration[HostKey]);
}
