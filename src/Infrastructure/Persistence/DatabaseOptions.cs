namespace RiskPlatform.Infrastructure.Persistence;

/// <summary>Section <c>Database</c>; the connection string is <c>ConnectionStrings:RiskPlatform</c>.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations when the service starts.</summary>
    public bool ApplyMigrationsOnStartup { get; set; } = true;

    /// <summary>
    /// SQLite only: <c>Group</c> (the default) and <c>Full</c> make every acknowledged command survive a power loss — <c>Full</c>
    /// by a sync of the write-ahead log inside each commit, <c>Group</c> by one sync shared by the commits that wait for it,
    /// outside the writer; <c>Normal</c> syncs at checkpoints only (a process crash loses nothing, a power loss may lose the
    /// last commits).
    /// </summary>
    public SqliteSynchronous SqliteSynchronous { get; set; } = SqliteSynchronous.Group;

    /// <summary>
    /// SQLite only: at most this many commands share one write transaction (group commit, docs/decisions/036). <c>1</c>
    /// commits every command on its own.
    /// </summary>
    public int SqliteGroupCommitMaxCommands { get; set; } = 32;

    /// <summary>SQLite only: a group transaction is committed once it has been open this long, even with commands waiting.</summary>
    public TimeSpan SqliteGroupCommitMaxAge { get; set; } = TimeSpan.FromMilliseconds(20);
}
