using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using RiskPlatform.Application.Common.Events;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Common.Transactions;
using RiskPlatform.Application.Notifications.Dispatch;
using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.Notifications;
using RiskPlatform.Infrastructure.Persistence;

namespace RiskPlatform.Api.FunctionalTests.Notifications;

/// <summary>Creates notifications the way a producer does: through the dispatcher (or a domain event) in a scope of the running host, one save.</summary>
internal static class NotificationSeeding
{
    public static async Task<Guid> CreateAsync(
        this ApiFixture fixture,
        Guid userId,
        NotificationType type = NotificationType.SystemAlert,
        NotificationPriority priority = NotificationPriority.Medium,
        string title = "Seeded",
        string? dataJson = null)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var dispatched = await scope.ServiceProvider.GetRequiredService<NotificationDispatcher>()
            .CreateAsync(new NewNotification(userId, type, priority, title, "Seeded message", dataJson), CancellationToken.None);
        await SaveAsync(scope.ServiceProvider);
        return dispatched.Notification.Id;
    }

    /// <summary>Raises a domain event as an aggregate's save would: its handlers run inside the save.</summary>
    public static async Task RaiseAsync(this RiskPlatformApiFactory factory, IDomainEvent domainEvent)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DomainEventDispatcher>().DispatchAsync(domainEvent, CancellationToken.None);
        await SaveAsync(scope.ServiceProvider);
    }

    /// <summary>Runs a statement against the test database (to age rows or force ties).</summary>
    public static async Task ExecuteAsync(this ApiFixture fixture, string sql)
    {
        await using DbConnection connection = fixture.Provider == DatabaseProvider.PostgreSql
            ? new NpgsqlConnection(fixture.ConnectionString)
            : new SqliteConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A SQL expression for a timestamp column moved back by whole days, on either database.</summary>
    public static string DaysBefore(this ApiFixture fixture, string column, int days) => fixture.Provider == DatabaseProvider.Sqlite
        ? $"strftime('%Y-%m-%d %H:%M:%f', {column}, '-{days} days')"
        : $"{column} - INTERVAL '{days} days'";

    /// <summary>A uuid literal as each database stores it (SQLite: upper-case text).</summary>
    public static string Literal(this ApiFixture fixture, Guid id) =>
        fixture.Provider == DatabaseProvider.Sqlite ? $"'{id.ToString().ToUpperInvariant()}'" : $"'{id}'";

    private static async Task SaveAsync(IServiceProvider services)
    {
        await services.GetRequiredService<IUnitOfWork>().SaveChangesAsync(CancellationToken.None);

        // Outside the MediatR pipeline the caller runs the after-commit actions itself (as a background job would).
        await services.GetRequiredService<AfterCommitActions>().RunAsync(CancellationToken.None);
    }
}
