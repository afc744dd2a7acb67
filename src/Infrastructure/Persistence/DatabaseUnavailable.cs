using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using RiskPlatform.Application.Common.Exceptions;

namespace RiskPlatform.Infrastructure.Persistence;

/// <summary>
/// Tells a database that cannot be reached (refused or reset connections, connection timeouts, a server shutting down or
/// out of connections, SQLite busy or locked past its timeout) from a request that failed on its own account. Wrapping does
/// not hide the cause: EF Core's <c>DbUpdateException</c>, <c>RetryLimitExceededException</c> and its transient-failure
/// <c>InvalidOperationException</c> are looked through. Such a failure becomes <see cref="ServiceUnavailableException"/>
/// with code <see cref="Code"/> and a short <see cref="RetryAfter"/>: HTTP 503, never 500.
/// </summary>
public static class DatabaseUnavailable
{
    public const string Code = "database_unavailable";

    /// <summary>What the caller is told to wait: outages worth retrying end in seconds, and the pool holds no back-off.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(2);

    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    /// <summary>Whether the exception, or any exception it wraps, says the database cannot be reached.</summary>
    public static bool IsCause(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (Matches(current))
            {
                return true;
            }

            if (current is AggregateException aggregate && aggregate.InnerExceptions.Any(IsCause))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The 503 for a database outage, or null when the exception is something else (or already a 503).</summary>
    public static ServiceUnavailableException? Translate(Exception exception) =>
        exception is not ServiceUnavailableException && IsCause(exception)
            ? new ServiceUnavailableException(Code, "The database cannot be reached; try again shortly.", exception) { RetryAfter = RetryAfter }
            : null;

    private static bool Matches(Exception exception) => exception switch
    {
        // A server-side error: only the connection class (08), a server out of resources for anyone (53: too many
        // connections, out of memory or disk) and a server shutting down or starting up are an outage; serialization
        // failures and deadlocks are transient too, but they are conflicts of the request, not an outage.
        PostgresException postgres => IsUnavailableState(postgres.SqlState),

        // Client-side: refused/reset connections, I/O errors and timeouts (opening, or an exhausted pool) are transient.
        NpgsqlException npgsql => npgsql.IsTransient,
        SqliteException sqlite => sqlite.SqliteErrorCode is SqliteBusy or SqliteLocked,
        DbException other => other.IsTransient,
        _ => false,
    };

    private static bool IsUnavailableState(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal)
        || sqlState.StartsWith("53", StringComparison.Ordinal)
        || sqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow;
}
