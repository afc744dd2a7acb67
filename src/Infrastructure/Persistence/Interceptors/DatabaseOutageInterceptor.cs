using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace RiskPlatform.Infrastructure.Persistence.Interceptors;

/// <summary>
/// When a command, connection or transaction fails because the database cannot be reached (<see cref="DatabaseUnavailable"/>),
/// the Npgsql pool is cleared: its idle connections died with the server (or the network path), and without this each of
/// them would fail one more request after the database is back. Changes nothing else; the exception goes on as it was.
/// </summary>
internal sealed class DatabaseOutageInterceptor : IDbConnectionInterceptor, IDbCommandInterceptor, IDbTransactionInterceptor
{
    public void ConnectionFailed(DbConnection connection, ConnectionErrorEventData eventData) => ClearPoolOnOutage(connection, eventData.Exception);

    public Task ConnectionFailedAsync(DbConnection connection, ConnectionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ClearPoolOnOutage(connection, eventData.Exception);
        return Task.CompletedTask;
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => ClearPoolOnOutage(command.Connection, eventData.Exception);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ClearPoolOnOutage(command.Connection, eventData.Exception);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => ClearPoolOnOutage(transaction.Connection, eventData.Exception);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ClearPoolOnOutage(transaction.Connection, eventData.Exception);
        return Task.CompletedTask;
    }

    private static void ClearPoolOnOutage(DbConnection? connection, Exception exception)
    {
        if (connection is NpgsqlConnection npgsql && DatabaseUnavailable.IsCause(exception))
        {
            NpgsqlConnection.ClearPool(npgsql);
        }
    }
}
