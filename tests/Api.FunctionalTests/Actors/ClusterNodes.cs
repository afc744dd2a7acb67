using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using RiskPlatform.Infrastructure.Persistence;
using RiskPlatform.TestSupport;

namespace RiskPlatform.Api.FunctionalTests.Actors;

/// <summary>Test hosts that join one Orleans cluster on the fixture's PostgreSQL database, each on free ports.</summary>
internal static class ClusterNodes
{
    /// <summary>The settings of one node of <paramref name="clusterId"/>; <paramref name="primary"/> is localhost clustering's primary silo.</summary>
    public static Dictionary<string, string?> Settings(string clusterId, int siloPort, string? primary) => new()
    {
        ["Orleans:ClusterId"] = clusterId,
        ["Orleans:SiloPort"] = siloPort.ToString(CultureInfo.InvariantCulture),
        ["Orleans:GatewayPort"] = FreeTcpPorts.Next().ToString(CultureInfo.InvariantCulture),
        ["Orleans:PrimarySiloEndpoint"] = primary,
    };

    /// <summary>The settings of one node of <paramref name="clusterId"/> with its membership in <paramref name="redis"/>.</summary>
    public static Dictionary<string, string?> WithRedis(string clusterId, RedisTestServer redis, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var settings = Settings(clusterId, FreeTcpPorts.Next(), primary: null);
        settings["Orleans:Clustering"] = "Redis";
        settings["Orleans:AdvertisedIPAddress"] = "127.0.0.1";
        settings["Redis:ConnectionString"] = redis.ConnectionString;
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    public static RiskPlatformApiFactory Node(ApiFixture fixture, Dictionary<string, string?> settings) =>
        new(DatabaseProvider.PostgreSql, fixture.ConnectionString, fixture.Logs, settings: settings);

    /// <summary>
    /// A node that places every new activation on itself, so a test decides where an account's actor lives by the node its
    /// first request reaches. The default (resource-optimised placement) scores silos by CPU, memory and activation count, and
    /// a silo that has just joined has no statistics of its own yet, so where an actor lands is left to chance.
    /// </summary>
    public static RiskPlatformApiFactory NodePlacingLocally(ApiFixture fixture, Dictionary<string, string?> settings) =>
        new(DatabaseProvider.PostgreSql, fixture.ConnectionString, fixture.Logs,
            configureServices: services => services.AddSingleton<PlacementStrategy, PreferLocalPlacement>(),
            settings: settings);
}
