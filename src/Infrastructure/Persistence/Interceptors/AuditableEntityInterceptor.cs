using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using RiskPlatform.Domain.Common;

namespace RiskPlatform.Infrastructure.Persistence.Interceptors;

/// <summary>Stamps CreatedAt/UpdatedAt from the injected clock and renews concurrency stamps on every insert and update.</summary>
internal sealed class AuditableEntityInterceptor(TimeProvider timeProvider) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData,
        InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    /// <summary>
    /// Stamps through the entry, so that a change tracker saving without detecting changes again (<see cref="UnitOfWork"/>
    /// detects them once, in the domain events' last round) still writes the stamps of a modified row.
    /// </summary>
    private void Stamp(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var now = timeProvider.GetUtcNow().UtcDateTime;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
            {
                continue;
            }

            if (entry.Entity is IAuditedEntity audited)
            {
                if (entry.State == EntityState.Added && audited.CreatedAt == default)
                {
                    Set(entry, nameof(IAuditedEntity.CreatedAt), now, () => audited.CreatedAt = now);
                }

                Set(entry, nameof(IAuditedEntity.UpdatedAt), now, () => audited.UpdatedAt = now);
            }

            if (entry.Entity is IConcurrencyAware concurrencyAware)
            {
                var stamp = Guid.NewGuid();
                Set(entry, nameof(IConcurrencyAware.ConcurrencyStamp), stamp, () => concurrencyAware.ConcurrencyStamp = stamp);
            }
        }
    }

    /// <summary>A mapped property is set through the entry (marked modified at once); an unmapped one on the entity itself.</summary>
    private static void Set(EntityEntry entry, string property, object value, Action setOnEntity)
    {
        if (entry.Metadata.FindProperty(property) is not null)
        {
            entry.Property(property).CurrentValue = value;
        }
        else
        {
            setOnEntity();
        }
    }
}
