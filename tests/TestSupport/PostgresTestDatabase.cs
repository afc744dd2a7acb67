using Npgsql;

namespace RiskPlatform.TestSupport;

/// <summary>
/// A throwaway PostgreSQL database on the server that <c>./build.sh test</c> starts, created per fixture and dropped afterwards.
/// Without <see cref="EnvironmentVariable"/> the PostgreSQL tests skip, naming the reason.
/// </summary>
public sealed class PostgresTestDatabase : IAsyncDisposable
{
    public const string EnvironmentVariable = "RISKPLATFORM_TEST_POSTGRES";

    private readonly string _adminConnectionString;
    private readonly string _databaseName;

    private PostgresTestDatabase(string adminConnectionString, string databaseName, string connectionString)
    {
        _adminConnectionString = adminConnectionString;
        _databaseName = databaseName;
        ConnectionString = connectionString;
    }

    public static string? UnavailableReason =>
        string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(EnvironmentVariable))
            ? $"{EnvironmentVariable} is not set: run ./build.sh test, which starts PostgreSQL on 127.0.0.1 and sets it."
            : null;

    public string ConnectionString { get; }

    /// <summary>The database's name on the server.</summary>
    public string Name => _databaseName;

    /// <summary>A new, empty database.</summary>
    public static Task<PostgresTestDatabase> CreateAsync(string purpose) => CreateAsync(purpose, template: null);

    /// <summary>A new database holding the migrated schema (a copy of <see cref="MigratedTemplates"/>' template).</summary>
    public static async Task<PostgresTestDatabase> CreateMigratedAsync(string purpose) =>
        await CreateAsync(purpose, await MigratedTemplates.PostgresTemplateAsync());

    private static async Task<PostgresTestDatabase> CreateAsync(string purpose, string? template)
    {
        var admin = Environment.GetEnvironmentVariable(EnvironmentVariable)
            ?? throw new InvalidOperationException(UnavailableReason);
        var name = $"rp_{purpose}_{Guid.NewGuid():N}".ToLowerInvariant();
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            var sql = template is null ? $"CREATE DATABASE \"{name}\"" : $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"";
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        return new PostgresTestDatabase(admin, name, connectionString);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_databaseName}\" WITH (FORCE)", connection);

        // FORCE may not end a backend the test role does not own (seen in CI: an autovacuum worker on the database just
        // used, 42501 "must be a member of the role whose process is being terminated"); such a worker ends on its own.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await command.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 20)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250));
            }
        }
    }
}
