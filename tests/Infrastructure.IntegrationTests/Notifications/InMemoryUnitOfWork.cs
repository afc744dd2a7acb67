using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Infrastructure.IntegrationTests.Notifications;

/// <summary>Saves by collecting the domain events the in-memory aggregates raised (what the real unit of work would dispatch).</summary>
internal sealed class InMemoryUnitOfWork(InMemoryRepository<NotificationDelivery> deliveries, InMemoryRepository<Notification> notifications) : IUnitOfWork
{
    private readonly List<IDomainEvent> _events = [];

    public int Saves { get; private set; }

    public IReadOnlyList<IDomainEvent> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    public Task SaveChangesAsync(CancellationToken cancellationToken)
    {
        lock (_events)
        {
            foreach (var aggregate in deliveries.Items.Cast<IAggregateRoot>().Concat(notifications.Items))
            {
                _events.AddRange(aggregate.DomainEvents);
                aggregate.ClearDomainEvents();
            }

            Saves++;
        }

        return Task.CompletedTask;
    }

    public Task<IUnitOfWorkTransaction> BeginTransactionAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IUnitOfWorkTransaction>(new NoTransaction());

    public Task CommitSoFarAsync(CancellationToken cancellationToken) => SaveChangesAsync(cancellationToken);

    public void DiscardChanges()
    {
    }

    private sealed class NoTransaction : IUnitOfWorkTransaction
    {
        public Task CommitAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task RollbackAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
