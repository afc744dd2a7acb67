using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Notifications.Specifications;
using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Infrastructure.Notifications;

/// <summary>
/// Claims through the repository, for SQLite and SQL Server: the due rows are claimed together in one save, and the
/// concurrency stamp settles a race. Should another worker have claimed (or finished) any of them between our read and our
/// save, the save is refused as a whole; then each row is claimed on its own, and the loser of each race leaves that row to
/// the winner.
/// </summary>
internal sealed class RepositoryDeliveryClaimer(
    IRepository<NotificationDelivery> deliveries,
    IUnitOfWork unitOfWork) : IDeliveryClaimer
{
    public async Task<IReadOnlyList<ClaimedDelivery>> ClaimDueAsync(
        NotificationChannel channel, DateTime now, int batchSize, TimeSpan lease, CancellationToken cancellationToken)
    {
        var due = await deliveries.ListAsync(new DueDeliveriesSpec(channel, now, batchSize), cancellationToken);
        if (due.Count == 0)
        {
            return [];
        }

        foreach (var delivery in due)
        {
            delivery.Claim(now, lease);
        }

        try
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
            return due.Select(d => new ClaimedDelivery(d.Id, d.ConcurrencyStamp)).ToList();
        }
        catch (ConflictException)
        {
            unitOfWork.DiscardChanges();
            return await ClaimOneByOneAsync(due.Select(d => d.Id).ToList(), now, lease, cancellationToken);
        }
    }

    private async Task<IReadOnlyList<ClaimedDelivery>> ClaimOneByOneAsync(
        List<Guid> ids, DateTime now, TimeSpan lease, CancellationToken cancellationToken)
    {
        var claimed = new List<ClaimedDelivery>(ids.Count);
        foreach (var id in ids)
        {
            var delivery = await deliveries.FirstOrDefaultAsync(new OutboxDeliveryByIdSpec(id), cancellationToken);
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
