using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using RiskPlatform.Api.Infrastructure;
using RiskPlatform.Application.Common.Interfaces;
using StackExchange.Redis;

namespace RiskPlatform.Api.Hubs;

/// <summary>
/// SignalR for the websocket channel: snake_case JSON like the HTTP API, users identified by <c>sub</c>, the SignalR
/// pusher in place of the default null one, and the Redis backplane when <c>Redis:ConnectionString</c> is set (so a push
/// from any instance reaches connections on every instance, presence is shared in Redis, and an ended sign-in closes its
/// connections on every instance through <see cref="RedisSessionEndRelay"/>). Pushes leave the request
/// through <see cref="RealtimePushQueue"/>; <see cref="RealtimePushWorker"/> sends them.
/// </summary>
internal static class RealtimeNotifications
{
    public const string RedisConnectionStringKey = "Redis:ConnectionString";
    public const string RedisChannelPrefix = "riskplatform";

    /// <summary>Call after <c>AddInfrastructure</c>: replaces its default <see cref="INotificationPusher"/> and <see cref="IPortfolioMarkPusher"/>.</summary>
    public static IServiceCollection AddRealtimeNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<SessionConnectionRegistry>();
        _ = EndedSessionSweeper.Interval(configuration); // a negative interval stops the start here
        services.AddSingleton<EndedSessionSweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<EndedSessionSweeper>());
        var signalR = services.AddSignalR().AddJsonProtocol(options => JsonDefaults.Apply(options.PayloadSerializerOptions));
        var redis = configuration[RedisConnectionStringKey];
        if (!string.IsNullOrWhiteSpace(redis))
        {
            signalR.AddStackExchangeRedis(redis, options =>
            {
                options.Configuration.ChannelPrefix = RedisChannel.Literal(RedisChannelPrefix);

                // Start and keep running while Redis is down; StackExchange.Redis reconnects (and resubscribes) by itself.
                options.Configuration.AbortOnConnectFail = false;
            });
            services.AddSingleton(_ => new RedisUserPresence(redis));
            services.AddSingleton<IUserPresence>(sp => sp.GetRequiredService<RedisUserPresence>());
            services.AddSingleton<RedisSessionEndRelay>();
            services.AddSingleton<ISessionConnections>(sp => sp.GetRequiredService<RedisSessionEndRelay>());
            services.AddHostedService(sp => sp.GetRequiredService<RedisSessionEndRelay>());
            services.AddHealthChecks().AddCheck<RedisBackplaneHealthCheck>(RedisBackplaneHealthCheck.Name, HealthStatus.Degraded, tags: ["ready"]);
        }
        else
        {
            services.AddSingleton<InMemoryUserPresence>();
            services.AddSingleton<IUserPresence>(sp => sp.GetRequiredService<InMemoryUserPresence>());

            // One node, no backplane: a user without a connection here has none, and the create path can say so at once.
            services.RemoveAll<IRealtimePresence>();
            services.AddSingleton<IRealtimePresence>(sp => sp.GetRequiredService<InMemoryUserPresence>());
            services.AddSingleton<ISessionConnections>(sp => sp.GetRequiredService<SessionConnectionRegistry>());
        }

        var capacity = configuration.GetValue(RealtimePushQueue.CapacityKey, RealtimePushQueue.DefaultCapacity);
        if (capacity <= 0)
        {
            throw new OptionsValidationException(RealtimePushQueue.CapacityKey, typeof(RealtimePushQueue), [$"{RealtimePushQueue.CapacityKey} must be positive."]);
        }

        services.AddSingleton(sp => new RealtimePushQueue(capacity, sp.GetRequiredService<ILogger<RealtimePushQueue>>()));
        services.AddHostedService<RealtimePushWorker>();

        services.AddSingleton<IUserIdProvider, SubClaimUserIdProvider>();
        services.RemoveAll<INotificationPusher>();
        services.AddSingleton<INotificationPusher, SignalRNotificationPusher>();
        services.RemoveAll<IPortfolioMarkPusher>();
        services.AddSingleton<IPortfolioMarkPusher, SignalRPortfolioMarkPusher>();
        return services;
    }

    public static IEndpointRouteBuilder MapNotificationsHub(this IEndpointRouteBuilder app)
    {
        // A connection lives no longer than the access token that opened it: the client reconnects with a fresh one.
        app.MapHub<NotificationsHub>(NotificationsHub.Path, options => options.CloseOnAuthenticationExpiration = true).RequireAuthorization();
        return app;
    }
}
