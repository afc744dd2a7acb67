using Microsoft.Data.Sqlite;

namespace RiskPlatform.TestSupport;

/// <summary>Throwaway SQLite database files of the tests, under the temp folder.</summary>
public static class SqliteTestFiles
{
    /// <summary>A new path for a database file no other test uses.</summary>
    public static string NewPath(string purpose) => Path.Combine(Path.GetTempPath(), $"riskplatform-{purpose}-{Guid.NewGuid():N}.db");

    /// <summary>Releases the driver's pooled connections and deletes the database with its WAL, shared-memory and journal files.</summary>
    public static void Delete(string path)
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm", path + "-journal" })
        {
            File.Delete(file);
        }
    }
}
