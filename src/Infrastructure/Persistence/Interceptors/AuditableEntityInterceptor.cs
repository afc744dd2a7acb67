using Microsoft.EntityFrameworkCore;
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
                    audited.CreatedAt = now;
                }

                audited.UpdatedAt = now;
            }

            if (entry.Entity is IConcurrencyAware concurrencyAware)
            {
                concurrencyAware.ConcurrencyStamp = Guid.NewGuid();
            }
        }
    }
}
