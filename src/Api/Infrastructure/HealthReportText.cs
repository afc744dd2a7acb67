using System.Text;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace RiskPlatform.Api.Infrastructure;

/// <summary>
/// The body of <c>/health/ready</c>: the overall status (<c>Healthy</c>, <c>Degraded</c> or <c>Unhealthy</c>) on the first
/// line, then one line per check that is not healthy with its reason, e.g. <c>redis_backplane: Degraded - …</c>.
/// </summary>
internal static class HealthReportText
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder(report.Status.ToString());
        foreach (var (name, entry) in report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy))
        {
            text.Append('\n').Append(name).Append(": ").Append(entry.Status).Append(" - ").Append(entry.Description ?? entry.Exception?.Message);
        }

        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(text.ToString());
    }
}
