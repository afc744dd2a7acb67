using System.Diagnostics;

namespace RiskPlatform.Api.FunctionalTests.Telemetry;

/// <summary>
/// Sends every request of a client as part of one W3C trace (<c>traceparent</c>, sampled), so a test finds its own spans and
/// log records by <paramref name="traceId"/> among those of every host in the process.
/// </summary>
internal sealed class TraceParentHandler(ActivityTraceId traceId) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        return base.SendAsync(request, cancellationToken);
    }
}
