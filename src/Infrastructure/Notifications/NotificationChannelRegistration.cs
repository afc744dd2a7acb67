using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Infrastructure.Email;
using RiskPlatform.Infrastructure.Persistence;

namespace RiskPlatform.Infrastructure.Notifications;

/// <summary>SMTP (<c>Smtp:*</c>), the email sender and the outbox worker (<c>Notifications:Outbox:*</c>).</summary>
internal static class NotificationEmailRegistration
{
    public static IServiceCollection AddNotificationEmail(this IServiceCollection services, IConfiguration configuration, DatabaseProvider provider)
    {
        services.AddOptions<SmtpOptions>().Bind(configuration.GetSection(SmtpOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SmtpOptions>, SmtpOptionsValidator>();
        services.AddOptions<NotificationOutboxOptions>()
            .Bind(configuration.GetSection(NotificationOutboxOptions.SectionName))
            .Validate(o => o.PollInterval > TimeSpan.Zero, "Notifications:Outbox:PollInterval must be positive.")
            .Validate(o => o.BatchSize is >= 1 and <= 1000, "Notifications:Outbox:BatchSize must be between 1 and 1000.")
            .Validate(o => o.Lease > TimeSpan.Zero, "Notifications:Outbox:Lease must be positive.")
            .ValidateOnStart();

        services.AddSingleton<IEmailSender, MailKitEmailSender>();
        services.AddScoped<EmailDeliveryProcessor>();
        if (provider == DatabaseProvider.PostgreSql)
        {
            services.AddScoped<IEmailDeliveryClaimer, PostgreSqlEmailDeliveryClaimer>();
        }
        else
        {
            services.AddScoped<IEmailDeliveryClaimer, RepositoryEmailDeliveryClaimer>();
        }

        services.AddHostedService<EmailOutboxWorker>();
        return services;
    }
}
