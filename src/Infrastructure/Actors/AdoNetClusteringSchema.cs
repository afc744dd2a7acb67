using Microsoft.Extensions.Hosting;
using Npgsql;

namespace RiskPlatform.Infrastructure.Actors;

/// <summary>
/// Creates (or brings up to date) Orleans' membership tables and queries on PostgreSQL before the silo starts, when
/// <c>Orleans:Clustering</c> is <c>AdoNet</c>: Orleans reads its queries from the <c>OrleansQuery</c> table and would otherwise
/// fail to start on a database nobody prepared by hand. The script (<c>Sql/orleans-clustering-postgresql.sql</c>, Orleans' own,
/// made re-runnable) runs in one transaction under an advisory lock, so nodes starting together do not race.
/// Registered before the silo, so it starts first.
/// </summary>
internal sealed class AdoNetClusteringSchema(string connectionString) : IHostedService
{
    private const string ScriptResource = "RiskPlatform.Infrastructure.Actors.Sql.orleans-clustering-postgresql.sql";

    /// <summary>A fixed advisory-lock key of our own ("orleans" in ASCII), distinct from the service's per-user trading locks.</summary>
    private const long LockKey = 0x6f726c65616e73;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var script = await ReadScriptAsync(cancellationToken);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
        {
            lockCommand.Parameters.AddWithValue("key", LockKey);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var command = new NpgsqlCommand(script, connection, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static async Task<string> ReadScriptAsync(CancellationToken cancellationToken)
    {
        await using var stream = typeof(AdoNetClusteringSchema).Assembly.GetManifestResourceStream(ScriptResource)
            ?? throw new InvalidOperationException($"The embedded resource {ScriptResource} is missing.");
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync(cancellationToken);
    }
}
