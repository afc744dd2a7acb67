using Microsoft.Extensions.Time.Testing;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Portfolio.Commands.CompactEquityHistory;
using RiskPlatform.Application.Portfolio.Specifications;
using RiskPlatform.Application.UnitTests.Support;
using RiskPlatform.Domain.Portfolio.Equity;

namespace RiskPlatform.Application.UnitTests.Portfolio;

public sealed class CompactEquityHistoryCommandHandlerTests
{
    private static readonly DateTime Now = new(2026, 3, 10, 15, 0, 0, DateTimeKind.Utc);
    private static readonly Guid UserId = Guid.NewGuid();

    [Fact]
    public async Task Handle_KeepsTheLastPointPerOldMinute_AndEveryRecentPoint_AndDropsPointsOlderThanAYear()
    {
        var store = new List<EquitySnapshot>
        {
            EquitySnapshot.Record(UserId, 1m, Now.AddDays(-400)),
            EquitySnapshot.Record(UserId, 2m, Now.AddHours(-2).AddSeconds(10)),
            EquitySnapshot.Record(UserId, 3m, Now.AddHours(-2).AddSeconds(50)),
            EquitySnapshot.Record(UserId, 4m, Now.AddMinutes(-30)),
            EquitySnapshot.Record(UserId, 5m, Now.AddMinutes(-30).AddSeconds(1)),
            EquitySnapshot.Record(Guid.NewGuid(), 6m, Now.AddDays(-400)),
        };
        var audit = new AuditScope();
        var handler = new CompactEquityHistoryCommandHandler(
            InMemoryRepository.Of(store).Projecting<EquitySnapshot, EquitySnapshotKey>(store), audit, new FakeTimeProvider(new DateTimeOffset(Now)));

        var removed = await handler.Handle(new CompactEquityHistoryCommand(UserId), TestContext.Current.CancellationToken);

        Assert.Equal(2, removed);
        Assert.Equal([3m, 4m, 5m, 6m], store.Select(s => s.Equity).Order());
        Assert.Contains("3 of 5 points kept", audit.Description, StringComparison.Ordinal);
    }
}
