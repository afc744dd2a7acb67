using System.Net.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Notifications.Common;
using RiskPlatform.Domain.Notifications;
using RiskPlatform.Domain.Notifications.Delivery;
using RiskPlatform.Infrastructure.Email;
using RiskPlatform.Infrastructure.Persistence;
using RiskPlatform.Infrastructure.Push;
using RiskPlatform.Infrastructure.Sms;
using RiskPlatform.Infrastructure.Webhooks;

namespace RiskPlatform.Infrastructure.Notifications;

/// <summary>
/// The outbox channels: email (<c>Smtp:*</c>), sms (<c>Sms:Twilio:*</c>), webhooks (<c>Notifications:Webhooks:*</c>) and
/// browser push (<c>Push:*</c>),
/// each with its sender and its outbox worker (<c>Notifications:Outbox:*</c>).
/// </summary>
internal static class NotificationChannelRegistration
{
    public static IServiceCollection AddNotificationChannels(
        this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment, DatabaseProvider provider)
    {
        services.AddOptions<NotificationOutboxOptions>()
            .Bind(configuration.GetSection(NotificationOutboxOptions.SectionName))
            .Validate(o => o.PollInterval > TimeSpan.Zero, "Notifications:Outbox:PollInterval must be positive.")
            .Validate(o => o.BatchSize is >= 1 and <= 1000, "Notifications:Outbox:BatchSize must be between 1 and 1000.")
            .Validate(o => o.Lease > TimeSpan.Zero, "Notifications:Outbox:Lease must be positive.")
            .Validate(o => o.MaxParallelism is >= 1 and <= 256, "Notifications:Outbox:MaxParallelism must be between 1 and 256.")
            .Validate(o => o.MaxBatchesInFlight is >= 1 and <= 64, "Notifications:Outbox:MaxBatchesInFlight must be between 1 and 64.")
            .ValidateOnStart();
        services.AddOptions<NotificationLimitsOptions>()
            .Bind(configuration.GetSection(NotificationLimitsOptions.SectionName))
            .Validate(o => o.TestNotificationsPerHour >= 1, "Notifications:TestNotificationsPerHour must be at least 1.")
            .Validate(
                o => o.Caps.All(c => Enum.TryParse<NotificationChannel>(c.Key, ignoreCase: true, out var channel) && DeliveryCaps.CappedChannels.Contains(channel)),
                "Notifications:Caps takes email, sms and webhook.")
            .Validate(o => o.Caps.Values.All(c => c.PerHour is null or >= 0 && c.PerDay is null or >= 0), "Notifications:Caps values must not be negative.")
            .ValidateOnStart();
        services.AddOptions<ContactOptions>()
            .Bind(configuration.GetSection(ContactOptions.SectionName))
            .Validate(o => o.ConfirmUrl is null || (o.ConfirmUrl.IsAbsoluteUri && (o.ConfirmUrl.Scheme == Uri.UriSchemeHttps || o.ConfirmUrl.Scheme == Uri.UriSchemeHttp)), "Notifications:Contacts:ConfirmUrl must be an absolute http(s) URL.")
            .Validate(o => o.MaxPendingPerUser >= 1, "Notifications:Contacts:MaxPendingPerUser must be at least 1.")
            .ValidateOnStart();
        services.AddScoped<DeliveryProcessor>();
        services.AddSingleton<DeliveryOutboxSignal>();
        services.AddSingleton<IDeliveryOutboxSignal>(sp => sp.GetRequiredService<DeliveryOutboxSignal>());
        services.AddTransient<DigestFollowers>();
        if (provider == DatabaseProvider.PostgreSql)
        {
            services.AddScoped<IDeliveryClaimer, PostgreSqlDeliveryClaimer>();
        }
        else
        {
            services.AddScoped<IDeliveryClaimer, RepositoryDeliveryClaimer>();
        }

        AddEmail(services, configuration);
        AddSms(services, configuration);
        AddWebhooks(services, configuration, environment);
        AddPush(services, configuration);
        return services;
    }

    private static void AddEmail(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SmtpOptions>().Bind(configuration.GetSection(SmtpOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SmtpOptions>, SmtpOptionsValidator>();
        services.AddSingleton<MailKitEmailSender>();
        services.AddSingleton<IEmailSender>(sp => sp.GetRequiredService<MailKitEmailSender>());
        services.AddScoped<IDeliveryChannelSender, EmailChannelSender>();
        AddOutboxWorker(services, sp => new OutboxChannel(
            NotificationChannel.Email, sp.GetRequiredService<IOptions<SmtpOptions>>().Value.IsConfigured, "Smtp:Host is not set"));
    }

    private static void AddSms(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TwilioOptions>()
            .Bind(configuration.GetSection(TwilioOptions.SectionName))
            .Validate(o => o.BaseUrl.IsAbsoluteUri, "Sms:Twilio:BaseUrl must be an absolute URL.")
            .Validate(o => o.StatusCallbackUrl is null || o.StatusCallbackUrl.IsAbsoluteUri, "Sms:Twilio:StatusCallbackUrl must be an absolute URL.")
            .Validate(o => o.Timeout > TimeSpan.Zero, "Sms:Twilio:Timeout must be positive.")
            .Validate(
                o => o.IsConfigured || (string.IsNullOrWhiteSpace(o.AccountSid) && string.IsNullOrWhiteSpace(o.AuthToken)),
                "Sms:Twilio needs AccountSid, AuthToken and From or MessagingServiceSid together.")
            .Validate(o => string.IsNullOrWhiteSpace(o.From) || PhoneNumber.TryNormalize(o.From) is not null, "Sms:Twilio:From must be an E.164 number.")
            .ValidateOnStart();
        services.AddSingleton<ISmsAvailability, TwilioAvailability>();
        services.AddSingleton<ISmsStatusCallbackVerifier, TwilioStatusCallbackVerifier>();
        services.AddHttpClient(TwilioSmsChannelSender.HttpClientName)
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                MaxConnectionsPerServer = TwilioOptions.MaxConnections,
            })
            .AddHttpMessageHandler(sp => new TwilioBaseUrlHandler(sp.GetRequiredService<IOptions<TwilioOptions>>()))
            .RedactLoggedHeaders(_ => true);
        services.AddSingleton<TwilioSmsSender>();
        services.AddSingleton<ISmsSender>(sp => sp.GetRequiredService<TwilioSmsSender>());
        services.AddScoped<IDeliveryChannelSender, TwilioSmsChannelSender>();
        AddOutboxWorker(services, sp => new OutboxChannel(
            NotificationChannel.Sms, sp.GetRequiredService<IOptions<TwilioOptions>>().Value.IsConfigured, "Sms:Twilio is not configured"));
    }

    private static void AddWebhooks(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<WebhookOptions>()
            .Bind(configuration.GetSection(WebhookOptions.SectionName))
            .Validate(o => !o.AllowLoopback || !environment.IsProduction(), "Notifications:Webhooks:AllowLoopback must not be set in Production.")
            .Validate(o => o.DisableAfterFailures >= 1, "Notifications:Webhooks:DisableAfterFailures must be at least 1.")
            .Validate(o => o.SecretOverlap >= TimeSpan.Zero, "Notifications:Webhooks:SecretOverlap must not be negative.")
            .Validate(o => o.MaxEndpointsPerUser >= 1, "Notifications:Webhooks:MaxEndpointsPerUser must be at least 1.")
            .Validate(o => o.Timeout > TimeSpan.Zero && o.Timeout <= TimeSpan.FromMinutes(1), "Notifications:Webhooks:Timeout must be between 0 and 1 minute.")
            .Validate(o => o.MaxResponseBytes is >= 0 and <= 65_536, "Notifications:Webhooks:MaxResponseBytes must be between 0 and 65536.")
            .Validate(o => o.MaxConnectionsPerEndpoint is >= 1 and <= 256, "Notifications:Webhooks:MaxConnectionsPerEndpoint must be between 1 and 256.")
            .ValidateOnStart();
        services.AddSingleton<IWebhookUrlGuard, WebhookUrlGuard>();
        services.AddSingleton<IWebhookSender, HttpWebhookSender>();
        services.AddHttpClient(HttpWebhookSender.HttpClientName)
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                UseProxy = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(1),
                MaxConnectionsPerServer = sp.GetRequiredService<IOptions<WebhookOptions>>().Value.MaxConnectionsPerEndpoint,
                ConnectCallback = WebhookConnector.Create(sp.GetRequiredService<IOptions<WebhookOptions>>().Value.AllowLoopback),
            })
            .RedactLoggedHeaders(_ => true);
        services.AddScoped<IDeliveryChannelSender, WebhookChannelSender>();
        AddOutboxWorker(services, _ => new OutboxChannel(NotificationChannel.Webhook, Enabled: true, string.Empty));
    }

    /// <summary>
    /// Browser push: always on (the VAPID settings are required, <see cref="PushOptionsValidator"/>). A push endpoint is a
    /// URL the user's browser chose, so it goes through the webhook address guard, at subscription and at connect time
    /// (<c>Notifications:Webhooks:AllowLoopback</c> governs loopback for both).
    /// </summary>
    private static void AddPush(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PushOptions>().Bind(configuration.GetSection(PushOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PushOptions>, PushOptionsValidator>();
        services.AddHttpClient(WebPushChannelSender.HttpClientName)
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                UseProxy = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(1),
                MaxConnectionsPerServer = sp.GetRequiredService<IOptions<WebhookOptions>>().Value.MaxConnectionsPerEndpoint,
                ConnectCallback = WebhookConnector.Create(sp.GetRequiredService<IOptions<WebhookOptions>>().Value.AllowLoopback),
            })
            .AddHttpMessageHandler(() => new CappedErrorBodyHandler(WebPushChannelSender.MaxErrorBodyBytes))
            .RedactLoggedHeaders(_ => true);
        services.AddScoped<IDeliveryChannelSender, WebPushChannelSender>();
        AddOutboxWorker(services, _ => new OutboxChannel(NotificationChannel.Push, Enabled: true, string.Empty));
    }

    private static void AddOutboxWorker(IServiceCollection services, Func<IServiceProvider, OutboxChannel> channel) =>
        services.AddSingleton<IHostedService>(sp => ActivatorUtilities.CreateInstance<DeliveryOutboxWorker>(sp, channel(sp)));
}
