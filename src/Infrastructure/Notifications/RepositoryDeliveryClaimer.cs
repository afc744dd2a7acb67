using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Notifications.Specifications;
using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Infrastructure.Notifications;

/// <summary>
/// Claims through the repository, for SQLite and SQL Server: each due row is claimed and saved on its own, and the
/// concurrency stamp settles a race (the loser gets a conflict and leaves the row to the winner).
/// </summary>
internal sealed class RepositoryDeliveryClaimer(
    IReadRepository<NotificationDelivery> candidates,
    IRepository<NotificationDelivery> deliveries,
    IUnitOfWork unitOfWork) : IDeliveryClaimer
{
    public async Task<IReadOnlyList<ClaimedDelivery>> ClaimDueAsync(
        NotificationChannel channel, DateTime now, int batchSize, TimeSpan lease, CancellationToken cancellationToken)
    {
        var due = await candidates.ListAsync(new DueDeliveriesSpec(channel, now, batchSize), cancellationToken);
        var claimed = new List<ClaimedDelivery>(due.Count);
        foreach (var candidate in due)
        {
            var delivery = await deliveries.FirstOrDefaultAsync(new OutboxDeliveryByIdSpec(candidate.Id), cancellationToken);
            if (delivery is null || !delivery.IsDue(now))
            {
                continue;
            }

            delivery.Claim(now, lease);
            try
            {
                await unitOfWork.SaveChangesAsync(cancellationToken);
                claimed.Add(new ClaimedDelivery(delivery.Id, delivery.ConcurrencyStamp));
            }
            catch (ConflictException)
            {
                // Another worker claimed (or finished) it between our read and our save.
                unitOfWork.DiscardChanges();
            }
        }

        return claimed;
    }
}
