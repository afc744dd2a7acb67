using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using Perfolizer.Mathematics.OutlierDetection;
using MediatR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using RiskPlatform.Application;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Notifications.Commands.MarkAllNotificationsRead;
using RiskPlatform.Application.Notifications.Queries.GetNotificationStats;
using RiskPlatform.Application.Notifications.Queries.ListNotifications;
using RiskPlatform.Benchmarks.Columns;
using RiskPlatform.Benchmarks.Pipeline;
using RiskPlatform.Domain.Trading.Paper.Events;
using RiskPlatform.Infrastructure;
using RiskPlatform.Infrastructure.Persistence;

namespace RiskPlatform.Benchmarks.Notifications;

/// <summary>
/// The inbox at scale on PostgreSQL: 1,000,000 notifications across 100 users; the measured user has 10,000. Each case runs
/// the real query or command through IMediator (pipeline, EF Core, Npgsql) against the server named by
/// RISKPLATFORM_TEST_POSTGRES (./build.sh services prints it); a fresh database is created and dropped.
/// Mark-all-read is measured the way an inbox is used: 50 new unread notifications arrive, then the user marks all read.
/// With RISKPLATFORM_BENCH_KEEP_DATABASE=1 the database is kept (its name is printed) for EXPLAIN in psql.
/// </summary>
[Config(typeof(Columns))]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 5, iterationCount: 200)]
[Outliers(OutlierMode.DontRemove)]
public class NotificationInboxBenchmarks
{
    private const int Users = 100;
    private const int PerUser = 10_000;
    private const int ArrivingUnread = 50;

    private string _admin = string.Empty;
    private string _database = string.Empty;
    private string _connectionString = string.Empty;
    private ServiceProvider _services = null!;
    private Guid _userId;
    private Guid _deepCursor;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        NpgsqlConnection.ClearAllPools();
        if (Environment.GetEnvironmentVariable("RISKPLATFORM_BENCH_KEEP_DATABASE") == "1")
        {
            Console.WriteLine($"// Kept database {_database} (user {_userId})");
            return;
        }

        Execute(_admin, $"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)");
    }

    [Benchmark]
    public Task<IReadOnlyList<Application.Notifications.Common.NotificationDto>> FirstPage() =>
        Send(new ListNotificationsQuery(Limit: 50));

    [Benchmark]
    public Task<IReadOnlyList<Application.Notifications.Common.NotificationDto>> DeepKeysetPage() =>
        Send(new ListNotificationsQuery(Before: _deepCursor, Limit: 50));

    [Benchmark]
    public Task<Application.Notifications.Common.NotificationStatsDto> Stats() => Send(new GetNotificationStatsQuery());

    [IterationSetup(Target = nameof(MarkAllRead))]
    public void NewUnreadArrive() => Execute(_connectionString, InsertSql(ArrivingUnread, isRead: false, users: 1, userOffset: 0));

    [Benchmark]
    public Task<Application.Notifications.Common.NotificationBulkResult> MarkAllRead() => Send(new MarkAllNotificationsReadCommand());

    private async Task<T> Send<T>(IRequest<T> request)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    private async Task SetupAsync()
    {
        _admin = Environment.GetEnvironmentVariable("RISKPLATFORM_TEST_POSTGRES")
            ?? throw new InvalidOperationException("Set RISKPLATFORM_TEST_POSTGRES (./build.sh services prints it).");
        _database = $"rp_bench_inbox_{Guid.NewGuid():N}";
        Execute(_admin, $"CREATE DATABASE \"{_database}\"");
        _connectionString = new NpgsqlConnectionStringBuilder(_admin) { Database = _database }.ConnectionString;

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:RiskPlatform"] = _connectionString,
            ["Jwt:SigningKey"] = Convert.ToBase64String(new byte[32]),
            ["Encryption:ActiveKeyVersion"] = "1",
            ["Encryption:MasterKeys:1"] = Convert.ToBase64String(new byte[32]),
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddApplication();
        services.AddInfrastructure(configuration, new BenchHostEnvironment());
        _userId = Guid.CreateVersion7();
        services.AddSingleton<ICurrentUser>(new FixedCurrentUser(_userId));
        services.AddSingleton<IRequestContext>(new FixedRequestContext());
        services.AddSingleton<IAccountActors, Pipeline.UnusedAccountActors>();
        _services = services.BuildServiceProvider();
        await DatabaseMigrator.MigrateIfEnabledAsync(_services);

        // 100 users (the first is the measured one), 10,000 notifications each, a fifth of them unread, spread over 30 days.
        Execute(_connectionString,
            $"INSERT INTO users (id, email, normalized_email, password_hash, full_name, role, is_active, is_verified, created_at, updated_at, concurrency_stamp) "
            + $"SELECT CASE WHEN u = 0 THEN '{_userId}'::uuid ELSE gen_random_uuid() END, 'bench' || u || '@example.com', 'BENCH' || u || '@EXAMPLE.COM', 'x', 'Bench', 'User', true, false, now(), now(), gen_random_uuid() "
            + $"FROM generate_series(0, {Users - 1}) u");
        Execute(_connectionString, InsertSql(PerUser, isRead: null, users: Users, userOffset: 0));
        Execute(_connectionString, "VACUUM ANALYZE notifications");
        _deepCursor = Scalar<Guid>(_connectionString,
            $"SELECT id FROM notifications WHERE user_id = '{_userId}' ORDER BY created_at DESC, id DESC OFFSET 9000 LIMIT 1");
    }

    /// <summary>Rows for the first <paramref name="users"/> users (ordered by email); read state random (1 in 5 unread) unless given.</summary>
    private static string InsertSql(int perUser, bool? isRead, int users, int userOffset) =>
        "INSERT INTO notifications (id, user_id, type, priority, title, message, data_json, is_read, read_at, sent_via, created_at) "
        + "SELECT gen_random_uuid(), u.id, (ARRAY['OrderFilled','RiskBreach','SystemAlert','PositionOpened'])[1 + (n % 4)], "
        + "(ARRAY['Low','Medium','High','Urgent'])[1 + (n % 4)], 'Order filled', 'Bought 10 AAPL at 190.00', '{}', "
        + (isRead is null ? "(n % 5) <> 0, CASE WHEN (n % 5) <> 0 THEN now() END, " : isRead.Value ? "true, now(), " : "false, NULL, ")
        + "'InApp', now() - (n * interval '259 milliseconds') "
        + $"FROM (SELECT id FROM users ORDER BY email OFFSET {userOffset} LIMIT {users}) u CROSS JOIN generate_series(1, {perUser}) n";

    private static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        command.ExecuteNonQuery();
    }

    private static T Scalar<T>(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return (T)command.ExecuteScalar()!;
    }

    private sealed class Columns : ManualConfig
    {
        public Columns() => AddColumn(StatisticColumn.Median, StatisticColumn.P95, PercentileColumn.P99, StatisticColumn.Max, StatisticColumn.Iterations);
    }

    private sealed class BenchHostEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Benchmark";

        public string ApplicationName { get; set; } = "RiskPlatform.Benchmarks";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
    }
}
