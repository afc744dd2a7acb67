using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.MarketData.EventHandlers;
using RiskPlatform.Application.RiskRules.Common;
using RiskPlatform.Domain.MarketData.Events;

namespace RiskPlatform.Application.UnitTests.MarketData;

public sealed class ForgetKeptClosesOnMarketQuoteUpdatedTests
{
    // 16:00 UTC on a Monday is 11:00 in New York; 04:59 UTC on the Tuesday is still Monday 23:59 there.
    private static readonly DateTime MondayNoon = new(2026, 3, 2, 16, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime MondayLastMinute = new(2026, 3, 3, 4, 59, 30, DateTimeKind.Utc);
    private static readonly DateTime TuesdayFirstMinute = new(2026, 3, 3, 5, 0, 30, DateTimeKind.Utc);

    private readonly IRuleMarketData _marketData = Substitute.For<IRuleMarketData>();
    private readonly List<Func<CancellationToken, Task>> _afterCommit = [];
    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public async Task Handle_WhenTheQuotesDayIsStillToday_AtCommit_ForgetsNothing()
    {
        _clock.SetUtcNow(MondayNoon);

        await HandleAndCommitAsync(Quote("AAPL", MondayNoon), Quote("MSFT", MondayNoon));

        _marketData.DidNotReceiveWithAnyArgs().Invalidate(default);
    }

    [Fact]
    public async Task Handle_WhenNewYorkMidnightPassedBeforeTheCommit_ForgetsTheSymbolsOfTheDayThatEnded()
    {
        _clock.SetUtcNow(MondayLastMinute);
        var handler = Handler();
        await handler.Handle([Quote("AAPL", MondayLastMinute), Quote("MSFT", TuesdayFirstMinute)], CancellationToken.None);

        _clock.SetUtcNow(TuesdayFirstMinute);
        await CommitAsync();

        // AAPL's quote rolled into Monday's bar, which the kept closes may hold since Tuesday began; MSFT's is Tuesday's own.
        _marketData.Received(1).Invalidate(Arg.Is<IReadOnlyCollection<string>>(s => s.SequenceEqual(new[] { "AAPL" })));
    }

    [Fact]
    public async Task Handle_WhenTheSaveFails_ForgetsNothing()
    {
        _clock.SetUtcNow(TuesdayFirstMinute);

        await Handler().Handle([Quote("AAPL", MondayLastMinute)], CancellationToken.None);

        // Nothing committed: the queued action is dropped, so nothing kept is forgotten.
        _marketData.DidNotReceiveWithAnyArgs().Invalidate(default);
    }

    private ForgetKeptClosesOnMarketQuoteUpdated Handler()
    {
        var afterCommit = Substitute.For<IAfterCommitActions>();
        afterCommit.When(a => a.Enqueue(Arg.Any<Func<CancellationToken, Task>>())).Do(call => _afterCommit.Add(call.Arg<Func<CancellationToken, Task>>()));
        return new ForgetKeptClosesOnMarketQuoteUpdated(_marketData, afterCommit, _clock);
    }

    private async Task HandleAndCommitAsync(params MarketQuoteUpdated[] quotes)
    {
        await Handler().Handle(quotes, CancellationToken.None);
        await CommitAsync();
    }

    private async Task CommitAsync()
    {
        Assert.NotEmpty(_afterCommit);
        foreach (var action in _afterCommit)
        {
            await action(CancellationToken.None);
        }
    }

    private static MarketQuoteUpdated Quote(string symbol, DateTime at) => new(symbol, 99m, 101m, 100m, at);
}
