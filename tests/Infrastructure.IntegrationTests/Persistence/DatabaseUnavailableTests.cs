using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Domain.Common;
using RiskPlatform.Infrastructure.Persistence;

namespace RiskPlatform.Infrastructure.IntegrationTests.Persistence;

/// <summary>The shapes in which the providers and EF Core report a database that cannot be reached, and some that are not.</summary>
public sealed class DatabaseUnavailableTests
{
    public static TheoryData<string, Exception> Outages => new()
    {
        { "connection refused", new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused)) },
        { "connection reset", new NpgsqlException("Exception while reading from stream", new IOException("reset", new SocketException((int)SocketError.ConnectionReset))) },
        { "timeout opening a connection", new NpgsqlException("The operation has timed out", new TimeoutException()) },
        { "connection failure (08006)", Postgres(PostgresErrorCodes.ConnectionFailure) },
        { "cannot establish a connection (08001)", Postgres(PostgresErrorCodes.SqlClientUnableToEstablishSqlConnection) },
        { "admin shutdown (57P01)", Postgres(PostgresErrorCodes.AdminShutdown) },
        { "crash shutdown (57P02)", Postgres(PostgresErrorCodes.CrashShutdown) },
        { "cannot connect now (57P03)", Postgres(PostgresErrorCodes.CannotConnectNow) },
        { "too many connections (53300)", Postgres(PostgresErrorCodes.TooManyConnections) },
        { "server out of memory (53200)", Postgres(PostgresErrorCodes.OutOfMemory) },
        { "write failed on a reset connection", new NpgsqlException("Exception while writing to stream", new IOException("Unable to write data to the transport connection: Connection reset by peer.", new SocketException((int)SocketError.ConnectionReset))) },
        { "EF's transient-failure hint over Npgsql", new InvalidOperationException("An exception has been raised that is likely due to a transient failure.", new NpgsqlException("Exception while reading from stream", new IOException("reset", new SocketException((int)SocketError.ConnectionReset)))) },
        { "rollback on a disposed transaction after a reset", new ObjectDisposedException("NpgsqlTransaction", new NpgsqlException("Exception while writing to stream", new IOException("reset"))) },
        { "SQLITE_BUSY", new SqliteException("database is locked", 5) },
        { "SQLITE_LOCKED", new SqliteException("database table is locked", 6) },
        { "save wrapping a reset", new DbUpdateException("An error occurred while saving.", Postgres(PostgresErrorCodes.AdminShutdown)) },
        { "retries exhausted", new RetryLimitExceededException("Retries exhausted.", new NpgsqlException("refused", new SocketException((int)SocketError.ConnectionRefused))) },
        { "EF's transient-failure hint", new InvalidOperationException("An exception has been raised that is likely due to a transient failure.", new SqliteException("database is locked", 5)) },
        { "aggregate", new AggregateException(new NpgsqlException("Exception while writing to stream", new IOException("broken pipe"))) },
    };

    public static TheoryData<string, Exception> NotOutages => new()
    {
        { "unique violation", Postgres(PostgresErrorCodes.UniqueViolation) },
        { "serialization failure (transient, but a conflict)", Postgres(PostgresErrorCodes.SerializationFailure) },
        { "deadlock", Postgres(PostgresErrorCodes.DeadlockDetected) },
        { "syntax error", Postgres(PostgresErrorCodes.SyntaxError) },
        { "non-transient Npgsql error", new NpgsqlException("bad message") },
        { "SQLite constraint", new SqliteException("UNIQUE constraint failed", 19) },
        { "save with a constraint violation", new DbUpdateException("An error occurred while saving.", new SqliteException("UNIQUE constraint failed", 19)) },
        { "a socket error that is not the database's (a broker)", new HttpRequestException("refused", new SocketException((int)SocketError.ConnectionRefused)) },
        { "bug", new InvalidOperationException("Sequence contains no elements") },
        { "a connection out of step with the server (a bug, not an outage)", new NpgsqlException("Received backend message DataRow while expecting ParseCompleteMessage. Please file a bug.") },
        { "a null reference from the driver", new NullReferenceException() },
        { "lock not available (the request's conflict)", Postgres(PostgresErrorCodes.LockNotAvailable) },
    };

    [Theory]
    [MemberData(nameof(Outages))]
    public void Translate_WhenTheDatabaseCannotBeReached_IsA503WithRetryAfter(string shape, Exception exception)
    {
        var translated = DatabaseUnavailable.Translate(exception);

        Assert.True(translated is not null, shape);
        Assert.Equal(DatabaseUnavailable.Code, translated.Code);
        Assert.Equal("database_unavailable", translated.Code);
        Assert.InRange(translated.RetryAfter!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
        Assert.Same(exception, translated.InnerException);
    }

    [Theory]
    [MemberData(nameof(NotOutages))]
    public void Translate_WhenTheFailureIsTheRequests_IsNull(string shape, Exception exception)
    {
        Assert.True(DatabaseUnavailable.Translate(exception) is null, shape);
        Assert.False(DatabaseUnavailable.IsCause(exception), shape);
    }

    [Fact]
    public void Translate_WhenAlreadyA503OrAConflict_LeavesItAlone()
    {
        var outage = new NpgsqlException("refused", new SocketException((int)SocketError.ConnectionRefused));

        Assert.Null(DatabaseUnavailable.Translate(new ServiceUnavailableException("broker_unavailable", "down", outage)));
        Assert.Null(DatabaseUnavailable.Translate(new ConflictException("duplicate", "taken", new DbUpdateException("dup", Postgres(PostgresErrorCodes.UniqueViolation)))));
    }

    private static PostgresException Postgres(string sqlState) => new("server says no", "FATAL", "FATAL", sqlState);
}
