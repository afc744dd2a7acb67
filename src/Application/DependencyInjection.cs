using System.Reflection;
using FluentValidation;
using Mapster;
using RiskPlatform.Application.Common.Exceptions;
using Microsoft.Extensions.DependencyInjection;
using RiskPlatform.Application.Common;
using RiskPlatform.Application.Common.Actors;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Behaviours;
using RiskPlatform.Application.Common.Events;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Common.Messaging;
using RiskPlatform.Application.Common.Transactions;
using RiskPlatform.Application.Notifications.Dispatch;

namespace RiskPlatform.Application;

public static class DependencyInjection
{
    /// <summary>Handlers, validators, mapping and the pipeline. The behaviour order is set here and nowhere else.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        var assembly = Assembly.GetExecutingAssembly();

        // Messages name fields as the client sent them ("threshold_value must be greater than '0'.").
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) => member is null ? null : WireName.FromPropertyPath(member.Name);

        services.AddMediator(
            assembly,
            typeof(TracingBehaviour<,>),
            typeof(LoggingBehaviour<,>),
            typeof(UnhandledExceptionBehaviour<,>),
            typeof(ValidationBehaviour<,>),
            typeof(RecentMfaBehaviour<,>),
            typeof(AccountActorBehaviour<,>),
            typeof(Trading.Telemetry.OrderOutcomeMetrics),
            typeof(Portfolio.Telemetry.MonitorRunMetrics),
            typeof(Portfolio.Telemetry.MonitorScreenMetrics),
            typeof(Portfolio.Telemetry.MonitorActionMetrics),
            typeof(AuditBehaviour<,>),
            typeof(UnitOfWorkBehaviour<,>));

        services.AddSingleton(CreateMappingConfig());
        services.AddScoped<AccountActorCall>();
        services.AddScoped<AccountChanges>();
        services.AddScoped<AuditScope>();
        services.AddScoped<Trading.Common.PreTradeContextLoader>();
        services.AddScoped<Trading.Common.ActiveRulesReader>();
        services.AddScoped<Portfolio.Common.PortfolioStateReader>();
        services.AddScoped<Portfolio.Common.OpenBreachEpisodesReader>();
        services.AddScoped<Backtesting.Common.BacktestPlanner>();
        services.AddScoped<Backtesting.Common.BacktestRunner>();
        services.AddSingleton<Portfolio.Common.EquityPointSampler>();
        services.AddSingleton<Portfolio.Monitoring.QuoteScreening>();
        services.AddScoped<AuditWriter>();
        services.AddScoped<Auth.Common.SignInThrottle>();
        services.AddScoped<Auth.Common.SessionStarter>();
        services.AddScoped<Auth.Common.EndedSessionConnections>();
        services.AddScoped<Auth.Common.VerificationEmail>();
        services.AddOptions<Auth.Common.AccountOptions>(); // bound to configuration by the host; defaults otherwise
        services.AddScoped<Auth.Common.MfaCodeCheck>();
        services.AddScoped<Auth.Common.CallerAuthenticatorLoader>();
        services.AddScoped<DomainEventDispatcher>();
        services.AddScoped<AfterCommitActions>();
        services.AddScoped<IAfterCommitActions>(provider => provider.GetRequiredService<AfterCommitActions>());
        services.AddScoped<NotificationPushQueue>();
        services.AddScoped<Trading.Common.RestingOrderFills>();
        services.AddScoped<Portfolio.Monitoring.FillMonitoring>();
        services.AddScoped<Portfolio.Common.PortfolioMarkPushQueue>();
        services.AddScoped<NotificationDispatcher>();
        services.AddScoped<DeliveryCapCheck>();
        services.AddSingleton<TimeProvider>(MicrosecondTimeProvider.Instance);

        return services;
    }

    /// <summary>Every Mapster <see cref="IRegister"/> beside its DTO, compiled into one configuration.</summary>
    public static TypeAdapterConfig CreateMappingConfig()
    {
        var config = new TypeAdapterConfig();
        config.Default.NameMatchingStrategy(NameMatchingStrategy.Exact);
        config.Scan(Assembly.GetExecutingAssembly());
        return config;
    }
}
