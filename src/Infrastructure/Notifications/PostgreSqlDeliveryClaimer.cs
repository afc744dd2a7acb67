using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using RiskPlatform.Domain.Notifications;
using RiskPlatform.Infrastructure.Persistence;

namespace RiskPlatform.Infrastructure.Notifications;

/// <summary>
/// Claims on PostgreSQL with <c>SELECT … FOR UPDATE SKIP LOCKED</c> inside a transaction: concurrent workers each lock a
/// different set of due rows and never wait for one another. The claim (next attempt pushed by the lease) commits before
/// anything is sent, so the lock is held only for the claim. Table, column names and stored enum values come from the
/// EF model, so the SQL follows the entity configuration.
/// </summary>
internal sealed class PostgreSqlDeliveryClaimer(RiskPlatformDbContext dbContext) : IDeliveryClaimer
{
    public async Task<IReadOnlyList<ClaimedDelivery>> ClaimDueAsync(
        NotificationChannel channel, DateTime now, int batchSize, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var transaction = await dbContext.Database.BeginTransactionAsync(cancellationToken);
        var due = await dbContext.Set<NotificationDelivery>()
            .FromSqlRaw(
                ClaimSql(),
                StoredValue(nameof(NotificationDelivery.Channel), channel),
                StoredValue(nameof(NotificationDelivery.Status), DeliveryStatus.Pending),
                StoredValue(nameof(NotificationDelivery.Status), DeliveryStatus.Scheduled),
                now,
                batchSize)
            .ToListAsync(cancellationToken);

        foreach (var delivery in due)
        {
            delivery.Claim(now, lease);
        }

        await dbContext.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return due.Select(d => new ClaimedDelivery(d.Id, d.ConcurrencyStamp)).ToList();
    }

    private string ClaimSql()
    {
        var entity = Entity();
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = dbContext.GetService<ISqlGenerationHelper>();
        string Column(string property) => sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(table)!);

        var channel = Column(nameof(NotificationDelivery.Channel));
        var status = Column(nameof(NotificationDelivery.Status));
        var nextAttemptAt = Column(nameof(NotificationDelivery.NextAttemptAt));
        return string.Create(
            CultureInfo.InvariantCulture,
            $$"""
            SELECT * FROM {{sql.DelimitIdentifier(table.Name, table.Schema)}}
            WHERE {{channel}} = {0} AND {{status}} IN ({1}, {2}) AND {{nextAttemptAt}} <= {3}
            ORDER BY {{nextAttemptAt}}
            LIMIT {4}
            FOR UPDATE SKIP LOCKED
            """);
    }

    /// <summary>An enum value as the column stores it (a string or a number, whatever the configuration chose).</summary>
    private object StoredValue(string property, Enum value)
    {
        var mapping = Entity().FindProperty(property)!.GetTypeMapping();
        return mapping.Converter is { } converter
            ? converter.ConvertToProvider(value)!
            : Convert.ToInt32(value, CultureInfo.InvariantCulture);
    }

    private IEntityType Entity() =>
        dbContext.Model.FindEntityType(typeof(NotificationDelivery))
        ?? throw new InvalidOperationException("NotificationDelivery is not part of the EF model.");
}
