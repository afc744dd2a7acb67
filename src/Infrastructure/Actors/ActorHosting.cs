using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using RiskPlatform.Application.Common.Interfaces;

namespace RiskPlatform.Infrastructure.Actors;

/// <summary>
/// Hosts an Orleans silo in the service's own process (every API node is a node of the actor cluster) and registers
/// <see cref="IAccountActors"/>. The embedded default is one node with localhost clustering: no other server needed.
/// </summary>
public static class ActorHosting
{
    public static IHostApplicationBuilder AddAccountActors(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration.GetSection(OrleansOptions.SectionName);
        var options = section.Get<OrleansOptions>() ?? new OrleansOptions();
        if (!options.IsValid)
        {
            throw new OptionsValidationException(OrleansOptions.SectionName, typeof(OrleansOptions),
                ["Orleans: Clustering must be Localhost, Redis or AdoNet; ClusterId and ServiceId set; SiloPort and GatewayPort distinct ports; AdvertisedIPAddress an IP address; PrimarySiloEndpoint host:port."]);
        }


        // Orleans also reads the "Orleans" section itself, where "Clustering" would be a provider subsection
        // ({ProviderType: …}). Our Orleans:Clustering is a plain kind applied below, so Orleans must not see it.
        builder.Configuration.AddInMemoryCollection([new KeyValuePair<string, string?>($"{OrleansOptions.SectionName}:Clustering", null)]);
        PinOrleansClocksToRealTime(builder.Services);
        string? adoNetConnectionString = null;
        if (options.Clustering == ClusteringKind.AdoNet)
        {
            adoNetConnectionString = builder.Configuration.GetConnectionString(DependencyInjection.ConnectionStringName)
                ?? throw Missing($"ConnectionStrings:{DependencyInjection.ConnectionStringName} is required when Orleans:Clustering is AdoNet.");
            var database = builder.Configuration.GetSection(Persistence.DatabaseOptions.SectionName).Get<Persistence.DatabaseOptions>()
                ?? new Persistence.DatabaseOptions();
            if (database.Provider != Persistence.DatabaseProvider.PostgreSql)
            {
                throw Missing("Orleans:Clustering AdoNet keeps the membership in the service's PostgreSQL database: set Database:Provider to PostgreSql, or use Redis.");
            }

            builder.Services.AddHostedService(_ => new AdoNetClusteringSchema(adoNetConnectionString));
        }

        builder.UseOrleans(silo =>
        {
            // The caller's span travels with a grain call, so the account's database and broker spans join the request's trace
            // (spans are only made while a tracer listens: Telemetry in the Api).
            silo.AddActivityPropagation();
            switch (options.Clustering)
            {
                case ClusteringKind.Localhost:
                    silo.UseLocalhostClustering(
                        options.SiloPort,
                        options.GatewayPort,
                        string.IsNullOrWhiteSpace(options.PrimarySiloEndpoint) ? null : IPEndPoint.Parse(options.PrimarySiloEndpoint),
                        options.ServiceId,
                        options.ClusterId);
                    break;
                case ClusteringKind.Redis:
                    silo.UseRedisClustering(builder.Configuration["Redis:ConnectionString"]
                        ?? throw Missing("Redis:ConnectionString is required when Orleans:Clustering is Redis."));
                    ConfigureNetwork(silo, options);
                    break;
                case ClusteringKind.AdoNet:
                    silo.UseAdoNetClustering(o =>
                    {
                        o.Invariant = "Npgsql";
                        o.ConnectionString = adoNetConnectionString;
                    });
                    ConfigureNetwork(silo, options);
                    break;
            }
        });

        builder.Services.AddScoped<IAccountActors, OrleansAccountActors>();
        return builder;
    }

    private static void ConfigureNetwork(ISiloBuilder silo, OrleansOptions options)
    {
        silo.Configure<ClusterOptions>(cluster =>
        {
            cluster.ClusterId = options.ClusterId;
            cluster.ServiceId = options.ServiceId;
        });
        var advertised = string.IsNullOrWhiteSpace(options.AdvertisedIPAddress) ? null : IPAddress.Parse(options.AdvertisedIPAddress);
        silo.Configure<EndpointOptions>(endpoints =>
        {
            endpoints.SiloPort = options.SiloPort;
            endpoints.GatewayPort = options.GatewayPort;
            if (advertised is not null)
            {
                endpoints.AdvertisedIPAddress = advertised;
            }
        });
    }

    /// <summary>
    /// Orleans takes its clocks from the container, where the service's <see cref="TimeProvider"/> is the business clock (which a
    /// test may freeze or shift). Membership, messaging and activation timers must run on real time whatever that clock says.
    /// </summary>
    private static void PinOrleansClocksToRealTime(IServiceCollection services)
    {
        foreach (var key in new[]
                 {
                     TimeProviderNames.Grains, TimeProviderNames.Messaging, TimeProviderNames.SystemTimers, TimeProviderNames.Membership,
                     TimeProviderNames.ActivationManagement, TimeProviderNames.GrainDirectory,
                 })
        {
            services.AddKeyedSingleton(key, TimeProvider.System);
        }
    }

    private static OptionsValidationException Missing(string message) =>
        new(OrleansOptions.SectionName, typeof(OrleansOptions), [message]);
}
