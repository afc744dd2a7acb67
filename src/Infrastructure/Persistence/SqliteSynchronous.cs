namespace RiskPlatform.Infrastructure.Persistence;

/// <summary>How SQLite commits become durable in WAL mode (<see cref="DatabaseOptions.SqliteSynchronous"/>).</summary>
public enum SqliteSynchronous
{
    /// <summary><c>PRAGMA synchronous = NORMAL</c>: the log is synced at checkpoints only.</summary>
    Normal,

    /// <summary><c>PRAGMA synchronous = FULL</c>: SQLite syncs the log at every commit, inside the one write transaction.</summary>
    Full,

    /// <summary>
    /// Group sync: SQLite runs at <c>NORMAL</c>, and a command's commit is answered only after one shared sync of the log that
    /// began after it (<see cref="SqliteGroupSync"/>): the durability of <see cref="Full"/>, with one sync for every commit
    /// that arrived while the last one ran, taken after the writer has been handed on.
    /// </summary>
    Group,
}
