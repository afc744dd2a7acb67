using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using RiskPlatform.Web.Client;
using RiskPlatform.Web.Session;

namespace RiskPlatform.Web.ComponentTests.Support;

/// <summary>The notification feed without a hub: a test raises what the hub would push through <see cref="NotificationFeed.SetUnread"/>.</summary>
internal sealed class OfflineNotificationFeed(RiskPlatformClient client)
    : NotificationFeed(client, new ApiBaseAddress(new ConfigurationBuilder().Build(), new NoServer()))
{
    public int Starts { get; private set; }

    public override Task StartAsync(CancellationToken cancellationToken = default)
    {
        Starts++;
        return Task.CompletedTask;
    }

    public override Task StopAsync() => Task.CompletedTask;

    private sealed class NoServer : IServer
    {
        public IFeatureCollection Features { get; } = new FeatureCollection();

        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
            where TContext : notnull => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Dispose()
        {
        }
    }
}
