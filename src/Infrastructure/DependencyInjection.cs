using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RiskPlatform.Application.ApiKeys.Common;
using RiskPlatform.Application.Auth.Common;
using RiskPlatform.Application.Backtesting.Common;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.MarketData.Common;
using RiskPlatform.Application.Notifications.Common;
using RiskPlatform.Application.Portfolio.Monitoring;
using RiskPlatform.Application.RiskRules.Common;
using RiskPlatform.Application.Trading.Common;
using RiskPlatform.Infrastructure.Brokers;
using RiskPlatform.Infrastructure.Brokers.Accounting;
using RiskPlatform.Infrastructure.Brokers.Alpaca;
using RiskPlatform.Infrastructure.Brokers.Alpaca.Streams;
using RiskPlatform.Infrastructure.Brokers.Paper;
using RiskPlatform.Infrastructure.Auditing;
using RiskPlatform.Infrastructure.Backtesting;
using RiskPlatform.Infrastructure.BackgroundJobs;
using RiskPlatform.Infrastructure.Crypto;
using RiskPlatform.Infrastructure.Email;
using RiskPlatform.Infrastructure.Identity;
using RiskPlatform.Infrastructure.Identity.CommonPasswords;
using RiskPlatform.Infrastructure.MarketData;
using RiskPlatform.Infrastructure.Monitoring;
using RiskPlatform.Infrastructure.Notifications;
using RiskPlatform.Infrastructure.Persistence;
using RiskPlatform.Infrastructure.Telemetry;
using RiskPlatform.Infrastructure.Persistence.Interceptors;
using RiskPlatform.Infrastructure.Persistence.Providers;
using RiskPlatform.Infrastructure.Persistence.Readers;
using RiskPlatform.Infrastructure.Persistence.Repositories;

namespace RiskPlatform.Infrastructure;

public static class DependencyInjection
{
    public const string ConnectionStringName = "RiskPlatform";

    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var provider = AddPersistence(services, configuration, environment);

        services.AddOptions<AccountOptions>()
            .Bind(configuration.GetSection(AccountOptions.SectionName))
            .Validate(o => o.AdminEmails.Count == 0, AccountOptions.AdminEmailsRemoved)
            .Validate(o => o.IsValid, "Accounts:EmailVerificationHours must be 1 to 168, Accounts:EmailVerificationUrl an absolute http(s) URL, Accounts:PasswordMinLength 8 to 128 and Accounts:PasswordHashIterations 100000 to 10000000.")
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<AccountOptions>, CommonPasswordsFileValidator>();
        services.AddSingleton<ICommonPasswords, CommonPasswordList>();
        services.AddOptions<JwtOptions>()
            .Bind(configuration.GetSection(JwtOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<JwtOptions>, JwtSigningKeysValidator>();
        services.AddSingleton(sp => JwtSigningKeys.FromOptions(sp.GetRequiredService<IOptions<JwtOptions>>().Value));
        services.AddSingleton<IPasswordHasher, PasswordHasherAdapter>();
        services.AddSingleton<SignedUserTokens>();
        services.AddSingleton<ITokenService, JwtTokenService>();
        services.AddSingleton<IEmailVerificationTokens, EmailVerificationTokens>();
        services.AddSingleton<AccountEmailOutbox>();
        services.AddSingleton<IAccountEmailOutbox>(sp => sp.GetRequiredService<AccountEmailOutbox>());
        services.AddHostedService<AccountEmailWorker>();
        services.AddNotificationChannels(configuration, environment, provider);

        // Notifications: defaults that the email and real-time adapters replace (or reuse).
        services.TryAddSingleton<IEmailAvailability, SmtpAvailability>();
        services.TryAddSingleton<INotificationPusher, NullNotificationPusher>();
        services.TryAddSingleton<IRealtimePresence, UnknownRealtimePresence>();
        services.TryAddSingleton<IPortfolioMarkPusher, NullPortfolioMarkPusher>();

        AddBrokers(services, configuration);

        services.AddCredentialCipher(configuration);
        services.AddRiskMetrics();
        services.AddSingleton<UserSecretSealer>();
        services.AddSingleton<ITotp, OtpNetTotp>();
        services.AddOptions<VaultOptions>()
            .Bind(configuration.GetSection(VaultOptions.SectionName))
            .Validate(o => o.MaxKeysPerUser > 0 && o.ExpirySweepInterval > TimeSpan.Zero && o.RewrapBatchSize is > 0 and <= 1000 && o.RevokedKeysListed is >= 0 and <= 1000,
                "Vault:MaxKeysPerUser and Vault:ExpirySweepInterval must be positive; Vault:RewrapBatchSize 1 to 1000; Vault:RevokedKeysListed 0 to 1000.")
            .ValidateOnStart();
        services.AddHostedService<ApiKeyExpirySweepService>();
        services.AddOptions<SignInRecordsPurgeOptions>()
            .Bind(configuration.GetSection(SignInRecordsPurgeOptions.SectionName))
            .Validate(o => o.IsValid, "Purge:Interval must be positive, Purge:LoginAttemptsRetention at least 01:00:00 and Purge:RefreshTokensRetention not negative.")
            .ValidateOnStart();
        services.AddHostedService<SignInRecordsPurgeService>();
        AddAuditChain(services, configuration);
        AddMonitoring(services, configuration);
        AddBacktesting(services, configuration);
        services.AddOptions<MarketDataOptions>()
            .Bind(configuration.GetSection(MarketDataOptions.SectionName))
            .Validate(o => o.IsValid, $"MarketData:MinuteBarRetentionDays must be 1 to {MarketDataOptions.MaxMinuteBarRetentionDays}; MarketData:MinuteBarCompactionInterval must be positive; MarketData:KeptClosesLimit at least {MarketDataOptions.MinKeptClosesLimit}.")
            .ValidateOnStart();
        services.AddHostedService<MinuteBarCompactionWorker>();

        services.AddHealthChecks().AddCheck<DatabaseReadyHealthCheck>("database", tags: ["ready"]);
        return services;
    }

    private static void AddMonitoring(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MonitoringOptions>()
            .Bind(configuration.GetSection(MonitoringOptions.SectionName))
            .Validate(o => o.IsValid,
                "Monitoring:ExitMargin must be in [0, 1); PollInterval and CompactionInterval not negative; QueueCapacity, ActionRetryInterval and MaxActionAttempts positive.")
            .ValidateOnStart();
        services.AddSingleton<IMonitorQueue, MonitorQueue>();
        services.AddSingleton<MonitorActionRunner>();
        services.AddHostedService<PortfolioMonitorWorker>();
        services.AddHostedService<PortfolioMonitorScheduler>();
    }

    /// <summary>Backtest jobs: one worker per node, which is also the queue that submissions signal.</summary>
    private static void AddBacktesting(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BacktestOptions>()
            .Bind(configuration.GetSection(BacktestOptions.SectionName))
            .Validate(o => o.IsValid,
                "Backtest:InlineMaxOrders and Backtest:InlineMaxSymbolDays must not be negative; ResultRetention, MaxRunTime, MaxUnfinishedJobsPerUser and PollInterval must be positive.")
            .ValidateOnStart();
        services.AddScoped<IPriceHistoryReader, PriceHistoryReader>();
        services.AddSingleton<IBacktestOrderCsvReader, BacktestOrderCsvReader>();
        // One store of kept closes and sectors behind two ports: the history rules' and the analytics' (docs/decisions/028).
        services.AddSingleton<RuleMarketDataCache>();
        services.AddSingleton<IRuleMarketData>(provider => provider.GetRequiredService<RuleMarketDataCache>());
        services.AddSingleton<IKeptDailyCloses>(provider => provider.GetRequiredService<RuleMarketDataCache>());
        services.AddSingleton<BacktestJobWorker>();
        services.AddSingleton<IBacktestJobQueue>(provider => provider.GetRequiredService<BacktestJobWorker>());
        services.AddHostedService(provider => provider.GetRequiredService<BacktestJobWorker>());
    }

    /// <summary>The tamper-evident audit chain, its verifier and the retry queue for rows whose write failed (docs/decisions/024).</summary>
    private static void AddAuditChain(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuditOptions>()
            .Bind(configuration.GetSection(AuditOptions.SectionName))
            .Validate(o => o.HmacKeys.All(k => k.Key > 0 && AuditHasher.IsValidKey(k.Value)), "Audit:HmacKeys:<version> must be base64 of at least 32 random bytes, with versions from 1.")
            .Validate(o => o.ActiveHmacKeyVersion == 0 ? o.HmacKeys.Count == 0 : o.HmacKeys.ContainsKey(o.ActiveHmacKeyVersion),
                "Audit:ActiveHmacKeyVersion must name a configured Audit:HmacKeys version (and be set when keys are configured).")
            .Validate(o => o.Chains is >= 1 and <= 64 && o.RetryQueueCapacity > 0, "Audit:Chains must be 1 to 64 and Audit:RetryQueueCapacity positive.")
            .ValidateOnStart();
        services.AddSingleton<AuditHasher>();
        services.AddScoped<IAuditChain, DatabaseAuditChain>();
        services.AddScoped<AuditChainVerifier>();
        services.AddSingleton<AuditRetryQueue>();
        services.AddSingleton<IAuditRetryQueue>(sp => sp.GetRequiredService<AuditRetryQueue>());
        services.AddHostedService<AuditRetryWorker>();
    }

    private static void AddBrokers(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RiskCheckOptions>()
            .Bind(configuration.GetSection(RiskCheckOptions.SectionName))
            .Validate(o => o.MaxQuoteAgeSeconds > 0, "Risk:MaxQuoteAgeSeconds must be positive.")
            .Validate(o => o.BrokerAcknowledgementSeconds >= 0, "Risk:BrokerAcknowledgementSeconds must not be negative.")
            .Validate(o => o.MaxRulesPerUser is >= 1 and <= 10_000, "Risk:MaxRulesPerUser must be 1 to 10000.")
            .ValidateOnStart();
        services.AddOptions<PaperBrokerOptions>()
            .Bind(configuration.GetSection(PaperBrokerOptions.SectionName))
            .Validate(o => o.StartingCash > 0, "Brokers:Paper:StartingCash must be positive.")
            .ValidateOnStart();
        services.AddScoped<PaperBrokerGateway>();
        services.AddScoped<BrokerBindingResolver>();
        services.AddScoped<IBrokerGateway, RoutingBrokerGateway>();
        AddAlpaca(services, configuration);
    }

    private static void AddAlpaca(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AlpacaOptions>()
            .Bind(configuration.GetSection(AlpacaOptions.SectionName))
            .Validate(o => o.TimeoutSeconds is > 0 and <= 120, "Brokers:Alpaca:TimeoutSeconds must be between 0 and 120.")
            .Validate(o => o.RequestsPerMinute > 0 && o.ServiceReservePercent is >= 0 and < 100,
                "Brokers:Alpaca:RequestsPerMinute must be positive and Brokers:Alpaca:ServiceReservePercent 0 to 99.")
            .Validate(o => o.PaperUrl.IsAbsoluteUri && o.LiveUrl.IsAbsoluteUri && o.DataUrl.IsAbsoluteUri,
                "Brokers:Alpaca:PaperUrl, LiveUrl and DataUrl must be absolute URLs.")
            .Validate(o => o.MaxRetries is >= 0 and <= 5 && o.RetryBaseDelayMilliseconds is >= 0 and <= 10_000 && o.MaxRetryAfterSeconds >= 0,
                "Brokers:Alpaca:MaxRetries must be 0 to 5, RetryBaseDelayMilliseconds 0 to 10000, MaxRetryAfterSeconds not negative.")
            .Validate(o => o.CircuitBreakerFailures > 0 && o.CircuitBreakerCooldownSeconds > 0,
                "Brokers:Alpaca:CircuitBreakerFailures and CircuitBreakerCooldownSeconds must be positive.")
            .Validate(o => IsWebSocketUrl(o.StreamUrl) && IsWebSocketUrl(o.LiveStreamUrl) && IsWebSocketUrl(o.DataStreamUrl),
                "Brokers:Alpaca:StreamUrl, LiveStreamUrl and DataStreamUrl must be absolute ws:// or wss:// URLs.")
            .Validate(o => o.DataStreamBatchMilliseconds is >= 10 and <= 10_000 && o.DataStreamMonitorIntervalSeconds >= 0,
                "Brokers:Alpaca:DataStreamBatchMilliseconds must be 10 to 10000 and DataStreamMonitorIntervalSeconds not negative.")
            .Validate(o => o.StreamBindingPollSeconds > 0 && o.StreamHandshakeTimeoutSeconds > 0
                    && o.StreamReconnectBaseDelayMilliseconds > 0 && o.StreamReconnectMaxDelaySeconds > 0,
                "Brokers:Alpaca:StreamBindingPollSeconds, StreamHandshakeTimeoutSeconds, StreamReconnectBaseDelayMilliseconds and StreamReconnectMaxDelaySeconds must be positive.")
            .Validate(o => o.BarSyncInterval >= TimeSpan.Zero && o.BarHistoryDays is >= 1 and <= 7320,
                "Brokers:Alpaca:BarSyncInterval must not be negative and BarHistoryDays must be 1 to 7320.")
            .ValidateOnStart();
        services.AddHttpClient(AlpacaOptions.HttpClientName)
            .ConfigureHttpClient((sp, client) =>
                client.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<AlpacaOptions>>().Value.TimeoutSeconds))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
            .RedactLoggedHeaders(_ => true);
        services.AddSingleton<AlpacaEndpoints>();
        services.AddSingleton<AlpacaCircuitBreakers>();
        services.AddSingleton<AlpacaRequestBudget>();
        services.AddSingleton<AlpacaClient>();
        services.AddScoped<AlpacaBrokerGateway>();
        services.AddScoped<IBrokerPriceHistory, BrokerPriceHistory>();
        services.AddSingleton<BrokerBarSync>();
        services.AddHostedService<BrokerBarSyncWorker>();
        services.AddScoped<IBrokerCredentialVerifier, AlpacaCredentialVerifier>();
        services.AddSingleton<BrokerCallAccounting>();
        services.AddHostedService<BrokerCallAccountingWorker>();
        services.AddSingleton<AlpacaBindingStreams>();
        services.AddHostedService<AlpacaStreamsWorker>();
    }

    private static bool IsWebSocketUrl(Uri url) => url.IsAbsoluteUri && url.Scheme is "ws" or "wss";

    private static DatabaseProvider AddPersistence(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.SectionName)).ValidateOnStart();
        var provider = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>()?.Provider ?? DatabaseProvider.Sqlite;
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider != DatabaseProvider.Sqlite)
            {
                throw new OptionsValidationException(
                    $"ConnectionStrings:{ConnectionStringName}", typeof(DatabaseOptions),
                    [$"ConnectionStrings:{ConnectionStringName} is required when Database:Provider is {provider}."]);
            }

            var dataDirectory = Path.Combine(environment.ContentRootPath, "data");
            Directory.CreateDirectory(dataDirectory);
            connectionString = $"Data Source={Path.Combine(dataDirectory, "riskplatform.db")}";
        }

        // Pooled contexts (docs/decisions/019-pooled-contexts-and-prepared-statements.md): the contexts take nothing but their
        // options, and the options resolve only singletons (the interceptor and its TimeProvider) from the root provider.
        // Anything scoped must never be injected into the context or its interceptors, or a pooled instance would keep it.
        services.AddSingleton<AuditableEntityInterceptor>();
        services.AddSingleton<DatabaseOutageInterceptor>();
        services.AddSingleton<FreshNpgsqlCommandInterceptor>();
        services.AddSingleton<DatabaseCommandTracing>();
        services.AddSingleton<SqliteConnectionSettings>();
        services.AddSingleton<SqliteWriteGate>();
        services.AddSingleton(sp => new SqliteGroupSync(
            provider == DatabaseProvider.Sqlite
                && sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.SqliteSynchronous == SqliteSynchronous.Group
                ? SqliteGroupSync.WalPathOf(connectionString)
                : null,
            sp.GetRequiredService<ILogger<SqliteGroupSync>>()));
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                services.AddDbContextPool<RiskPlatformDbContext, SqliteRiskPlatformDbContext>((sp, o) => Configure(sp, o, provider, connectionString));
                break;
            case DatabaseProvider.PostgreSql:
                services.AddDbContextPool<RiskPlatformDbContext, PostgreSqlRiskPlatformDbContext>((sp, o) => Configure(sp, o, provider, connectionString));
                break;
            case DatabaseProvider.SqlServer:
                services.AddDbContextPool<RiskPlatformDbContext, SqlServerRiskPlatformDbContext>((sp, o) => Configure(sp, o, provider, connectionString));
                break;
            default:
                throw new OptionsValidationException(DatabaseOptions.SectionName, typeof(DatabaseOptions), [$"Unknown Database:Provider '{provider}'."]);
        }

        services.AddScoped<UnitOfWork>();
        services.AddScoped<IUnitOfWork>(sp => sp.GetRequiredService<UnitOfWork>());
        services.AddScoped<IRiskRuleBreachCounter, RiskRuleBreachCounter>();
        services.AddScoped<IPriceBarVersions, PriceBarVersions>();
        services.AddScoped<DatabaseTransactionLock>();
        services.AddScoped<ITradingLock>(provider => provider.GetRequiredService<DatabaseTransactionLock>());
        services.AddScoped<IKeyedTransactionLock>(provider => provider.GetRequiredService<DatabaseTransactionLock>());
        services.AddScoped<INotificationReadMarker, NotificationReadMarker>();
        services.AddScoped<IApiKeyDefaults, ApiKeyDefaults>();
        services.AddScoped(typeof(IRepository<>), typeof(EfRepository<>));
        services.AddScoped(typeof(IReadRepository<>), typeof(EfReadRepository<>));
        services.AddScoped<INotificationStatsReader, NotificationStatsReader>();
        services.AddScoped<IPaperHolders, PaperHoldersReader>();
        services.AddScoped<IRiskRuleLists, RiskRuleListsReader>();
        services.AddScoped<INotificationInbox, NotificationInboxReader>();
        return provider;
    }

    private static void Configure(IServiceProvider services, DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        DbContextOptionsFactory.Configure(options, provider, connectionString);
        options.AddInterceptors(
            services.GetRequiredService<AuditableEntityInterceptor>(),
            services.GetRequiredService<DatabaseOutageInterceptor>(),
            services.GetRequiredService<DatabaseCommandTracing>());
        if (provider == DatabaseProvider.Sqlite)
        {
            options.AddInterceptors(services.GetRequiredService<SqliteConnectionSettings>());
        }

        if (provider == DatabaseProvider.PostgreSql)
        {
            options.AddInterceptors(services.GetRequiredService<FreshNpgsqlCommandInterceptor>());
        }
    }
}
