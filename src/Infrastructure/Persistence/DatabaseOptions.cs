namespace RiskPlatform.Infrastructure.Persistence;

/// <summary>Section <c>Database</c>; the connection string is <c>ConnectionStrings:RiskPlatform</c>.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations when the service starts.</summary>
    public bool ApplyMigrationsOnStartup { get; set; } = true;
}
