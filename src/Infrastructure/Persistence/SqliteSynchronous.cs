namespace RiskPlatform.Infrastructure.Persistence;

/// <summary>SQLite's <c>PRAGMA synchronous</c> in WAL mode (<see cref="DatabaseOptions.SqliteSynchronous"/>).</summary>
public enum SqliteSynchronous
{
    Normal,
    Full,
}
