using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RiskPlatform.Infrastructure.Notifications;
using RiskPlatform.Infrastructure.Persistence;
using RiskPlatform.TestSupport;

namespace RiskPlatform.Infrastructure.IntegrationTests.Notifications;

/// <summary>The outbox channels' senders as the service registers them (<c>AddNotificationChannels</c>), from the given settings.</summary>
internal static class NotificationChannelServices
{
    public static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddNotificationChannels(configuration, new TestHostEnvironment(), DatabaseProvider.Sqlite);
        return services.BuildServiceProvider();
    }
}
