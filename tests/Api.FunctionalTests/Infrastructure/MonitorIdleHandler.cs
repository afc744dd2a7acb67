using RiskPlatform.Application.Portfolio.Monitoring;

namespace RiskPlatform.Api.FunctionalTests.Infrastructure;

/// <summary>
/// After every request that may change state (anything but GET), waits until the portfolio monitor has evaluated what the request
/// queued, so no test races the background monitor: its breaches, episodes and orders are there before the next step.
/// The service itself never waits (the quote request returns before the monitor runs).
/// </summary>
internal sealed class MonitorIdleHandler(IMonitorQueue queue) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (request.Method != HttpMethod.Get)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await queue.WhenIdleAsync(timeout.Token);
        }

        return response;
    }
}
