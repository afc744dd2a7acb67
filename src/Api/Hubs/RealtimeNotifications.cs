using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RiskPlatform.Api.Infrastructure;
using RiskPlatform.Application.Common.Interfaces;
using StackExchange.Redis;

namespace RiskPlatform.Api.Hubs;

/// <summary>
/// SignalR for the websocket channel: snake_case JSON like the HTTP API, users identified by <c>sub</c>, the SignalR
/// pusher in place of the default null one, and the Redis backplane when <c>Redis:ConnectionString</c> is set (so a push
/// from any instance reaches connections on every instance, and presence is shared in Redis).
/// </summary>
internal static class RealtimeNotifications
{
    public const string RedisConnectionStringKey = "Redis:ConnectionString";
    public const string RedisChannelPrefix = "riskplatform";

    /// <summary>Call after <c>AddInfrastructure</c>: replaces its default <see cref="INotificationPusher"/>.</summary>
    public static IServiceCollection AddRealtimeNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        var signalR = services.AddSignalR().AddJsonProtocol(options => JsonDefaults.Apply(options.PayloadSerializerOptions));
        var redis = configuration[RedisConnectionStringKey];
        if (!string.IsNullOrWhiteSpace(redis))
        {
            signalR.AddStackExchangeRedis(redis, options => options.Configuration.ChannelPrefix = RedisChannel.Literal(RedisChannelPrefix));
            services.AddSingleton<IUserPresence>(_ => new RedisUserPresence(redis));
        }
        else
        {
            services.AddSingleton<IUserPresence, InMemoryUserPresence>();
        }

        services.AddScoped<WebsocketDeliveryRecorder>();

        services.AddSingleton<IUserIdProvider, SubClaimUserIdProvider>();
        services.RemoveAll<INotificationPusher>();
        services.AddSingleton<INotificationPusher, SignalRNotificationPusher>();
        return services;
    }

    public static IEndpointRouteBuilder MapNotificationsHub(this IEndpointRouteBuilder app)
    {
        app.MapHub<NotificationsHub>(NotificationsHub.Path).RequireAuthorization();
        return app;
    }
}
