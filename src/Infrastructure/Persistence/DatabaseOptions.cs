namespace RiskPlatform.Infrastructure.Persistence;

/// <summary>Section <c>Database</c>; the connection string is <c>ConnectionStrings:RiskPlatform</c>.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations when the service starts.</summary>
    public bool ApplyMigrationsOnStartup { get; set; } = true;

    /// <summary>
    /// SQLite only: <c>Full</c> syncs the write-ahead log at every commit, so an acknowledged order survives a power loss;
    /// <c>Normal</c> syncs at checkpoints only (a process crash loses nothing, a power loss may lose the last commits).
    /// </summary>
    public SqliteSynchronous SqliteSynchronous { get; set; } = SqliteSynchronous.Full;
}
