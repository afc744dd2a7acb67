using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace RiskPlatform.Infrastructure.Persistence.Interceptors;

/// <summary>
/// A span per command EF Core runs (<see cref="SourceName"/>), from the command's execution to its result, with the
/// OpenTelemetry database attributes: <c>db.system.name</c>, <c>db.namespace</c>, <c>db.operation.name</c> and the statement
/// as EF Core wrote it (<c>db.query.text</c>: values travel as parameters, which are never recorded).
/// </summary>
/// <remarks>
/// This replaces OpenTelemetry's EF Core instrumentation, which listens to EF Core's diagnostic source with every event
/// enabled: EF Core then builds an event object for every diagnostic it has (each entity's state change, each change
/// detection, each connection and transaction step), several per statement, to make one span. That cost 10–12 % of an order's
/// CPU (docs/PERFORMANCE.md, "Telemetry on the order path"). Here a statement costs one span, and nothing at all unless a
/// tracer listens to <see cref="SourceName"/> (the Api adds it when <c>Telemetry:DatabaseSpans</c> is on).
/// </remarks>
public sealed class DatabaseCommandTracing : DbCommandInterceptor
{
    public const string SourceName = "RiskPlatform.EntityFrameworkCore";

    private static readonly ActivitySource Source = new(SourceName);

    /// <summary>The spans of commands under way, by EF Core's id of the command (kept between its executing and executed events).</summary>
    private readonly ConcurrentDictionary<Guid, Activity> _running = new();

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Start(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Start(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Stop(eventData, error: null);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Stop(eventData, error: null);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Start(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Start(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Stop(eventData, error: null);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Stop(eventData, error: null);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Start(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Start(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        Stop(eventData, error: null);
        return result;
    }

    public override ValueTask<object?> ScalarExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Stop(eventData, error: null);
        return ValueTask.FromResult(result);
    }

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Stop(eventData, eventData.Exception);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Stop(eventData, eventData.Exception);
        return Task.CompletedTask;
    }

    public override void CommandCanceled(DbCommand command, CommandEndEventData eventData) => Stop(eventData, new OperationCanceledException());

    public override Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Stop(eventData, new OperationCanceledException());
        return Task.CompletedTask;
    }

    /// <summary>The first word of the statement, upper-cased (<c>SELECT</c>, <c>INSERT</c>, …): the span's name and operation.</summary>
    internal static string OperationOf(string? commandText)
    {
        var text = commandText.AsSpan().TrimStart();
        var end = 0;
        while (end < text.Length && char.IsAsciiLetter(text[end]))
        {
            end++;
        }

        return end == 0 ? "EXECUTE" : text[..end].ToString().ToUpperInvariant();
    }

    /// <summary>The OpenTelemetry name of the database system behind an EF Core provider.</summary>
    internal static string SystemOf(string? providerName) => providerName switch
    {
        "Microsoft.EntityFrameworkCore.Sqlite" => "sqlite",
        "Npgsql.EntityFrameworkCore.PostgreSQL" => "postgresql",
        "Microsoft.EntityFrameworkCore.SqlServer" => "microsoft.sql_server",
        _ => "other_sql",
    };

    private void Start(DbCommand command, CommandEventData eventData)
    {
        if (!Source.HasListeners())
        {
            return;
        }

        var operation = OperationOf(command.CommandText);
        var activity = Source.StartActivity(operation, ActivityKind.Client);
        if (activity is null)
        {
            return;
        }

        if (activity.IsAllDataRequested)
        {
            activity.SetTag("db.system.name", SystemOf(eventData.Context?.Database.ProviderName));
            activity.SetTag("db.namespace", command.Connection?.Database);
            activity.SetTag("db.operation.name", operation);
            activity.SetTag("db.query.text", command.CommandText);
        }

        _running[eventData.CommandId] = activity;
    }

    private void Stop(CommandEndEventData eventData, Exception? error)
    {
        if (!_running.TryRemove(eventData.CommandId, out var activity))
        {
            return;
        }

        if (error is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error, error.Message);
            activity.SetTag("error.type", error.GetType().FullName);
        }

        activity.Stop();
    }
}
