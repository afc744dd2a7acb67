using Microsoft.Extensions.DependencyInjection;
using RiskPlatform.Application.Common.Events;
using RiskPlatform.Domain.Common;

namespace RiskPlatform.Application.UnitTests.Common;

public sealed class DomainEventDispatcherTests
{
    private readonly List<string> _journal = [];

    [Fact]
    public async Task DispatchAsync_CallsEachEventsHandlersInOrder_ThenEveryBatchHandlerOnceWithAllEventsOfItsType()
    {
        var services = new ServiceCollection()
            .AddSingleton(_journal)
            .AddTransient<IDomainEventHandler<Priced>, JournalEach>()
            .AddTransient<IDomainEventBatchHandler<Priced>, JournalBatch>()
            .AddTransient<IDomainEventBatchHandler<Halted>, JournalHalts>()
            .BuildServiceProvider();

        await new DomainEventDispatcher(services).DispatchAsync(
            [new Priced("AAPL"), new Halted(), new Priced("MSFT"), new Priced("AAPL")], CancellationToken.None);

        Assert.Equal(["each AAPL", "each MSFT", "each AAPL", "batch AAPL,MSFT,AAPL", "halts 1"], _journal);
    }

    [Fact]
    public async Task DispatchAsync_WithoutBatchHandlers_CallsOnlyThePerEventHandlers()
    {
        var services = new ServiceCollection()
            .AddSingleton(_journal)
            .AddTransient<IDomainEventHandler<Priced>, JournalEach>()
            .BuildServiceProvider();

        await new DomainEventDispatcher(services).DispatchAsync(new Priced("AAPL"), CancellationToken.None);

        Assert.Equal(["each AAPL"], _journal);
    }

    private sealed record Priced(string Symbol) : IDomainEvent
    {
        public DateTime OccurredAt { get; } = DateTime.UtcNow;
    }

    private sealed record Halted : IDomainEvent
    {
        public DateTime OccurredAt { get; } = DateTime.UtcNow;
    }

    private sealed class JournalEach(List<string> journal) : IDomainEventHandler<Priced>
    {
        public Task Handle(Priced domainEvent, CancellationToken cancellationToken)
        {
            journal.Add($"each {domainEvent.Symbol}");
            return Task.CompletedTask;
        }
    }

    private sealed class JournalBatch(List<string> journal) : IDomainEventBatchHandler<Priced>
    {
        public Task Handle(IReadOnlyList<Priced> domainEvents, CancellationToken cancellationToken)
        {
            journal.Add($"batch {string.Join(',', domainEvents.Select(e => e.Symbol))}");
            return Task.CompletedTask;
        }
    }

    private sealed class JournalHalts(List<string> journal) : IDomainEventBatchHandler<Halted>
    {
        public Task Handle(IReadOnlyList<Halted> domainEvents, CancellationToken cancellationToken)
        {
            journal.Add($"halts {domainEvents.Count}");
            return Task.CompletedTask;
        }
    }
}
