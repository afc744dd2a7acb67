using System.Diagnostics;

namespace RiskPlatform.Application.Common.Telemetry;

/// <summary>The names the service's own spans and metrics are published under, and its one activity source.</summary>
public static class RiskPlatformTelemetry
{
    /// <summary>The activity source of the pipeline's and the broker calls' spans, and the meter of the domain metrics.</summary>
    public const string Name = "RiskPlatform";

    public static ActivitySource ActivitySource { get; } = new(Name);
}
