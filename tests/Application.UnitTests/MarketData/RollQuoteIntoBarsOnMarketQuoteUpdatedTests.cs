using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using RiskPlatform.Application.MarketData.Common;
using RiskPlatform.Application.MarketData.EventHandlers;
using RiskPlatform.Application.UnitTests.Support;
using RiskPlatform.Domain.MarketData.Events;
using RiskPlatform.Domain.MarketData.History;

namespace RiskPlatform.Application.UnitTests.MarketData;

/// <summary>
/// Quotes roll into their New York date's daily bar; a bar of a day that has ended (or ends before the save can commit) advances
/// its symbol's bar version, so every process's kept closes read it again. 2026-03-02 is a Monday; New York is UTC−5 then.
/// </summary>
public sealed class RollQuoteIntoBarsOnMarketQuoteUpdatedTests
{
    private static readonly DateTime MondayTenToMidnight = new(2026, 3, 3, 4, 50, 0, DateTimeKind.Utc);
    private static readonly DateTime MondayLastMinute = new(2026, 3, 3, 4, 59, 0, DateTimeKind.Utc);
    private static readonly DateTime TuesdayFirstMinute = new(2026, 3, 3, 5, 0, 30, DateTimeKind.Utc);

    private readonly List<PriceBar> _bars = [];
    private readonly IPriceBarVersions _versions = Substitute.For<IPriceBarVersions>();
    private readonly FakeTimeProvider _clock = new();

    [Theory]
    [InlineData("2026-03-02T17:00:00Z")]
    [InlineData("2026-03-03T04:50:00Z")]
    public async Task Handle_QuotesOfToday_RollIntoTodaysBar_AndAdvanceNoVersion(string at)
    {
        var now = DateTime.Parse(at, null, System.Globalization.DateTimeStyles.AdjustToUniversal);
        _clock.SetUtcNow(now);

        await Handler().Handle([Quote("AAPL", now, 100m), Quote("AAPL", now, 102m)], TestContext.Current.CancellationToken);

        Assert.Equal((new DateOnly(2026, 3, 2), 102m), (_bars.Single().Date, _bars.Single().Close));
        await _versions.DidNotReceive().AdvanceAsync(Arg.Any<IReadOnlyCollection<string>>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_AQuoteOfADayThatHasEnded_AdvancesTheVersionOfItsSymbolOnly()
    {
        _clock.SetUtcNow(TuesdayFirstMinute);

        await Handler().Handle([Quote("AAPL", MondayTenToMidnight, 100m), Quote("MSFT", TuesdayFirstMinute, 300m)], TestContext.Current.CancellationToken);

        Assert.Equal(new DateOnly(2026, 3, 2), _bars.Single(b => b.Symbol == "AAPL").Date);
        await _versions.Received(1).AdvanceAsync(Arg.Is<IReadOnlyCollection<string>>(s => s.SequenceEqual(new[] { "AAPL" })), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_MinutesBeforeNewYorkMidnight_AdvancesTheVersion_BecauseTheSaveMayCommitAfterIt()
    {
        _clock.SetUtcNow(MondayLastMinute);

        await Handler().Handle([Quote("AAPL", MondayLastMinute, 100m), Quote("AAPL", MondayLastMinute, 101m)], TestContext.Current.CancellationToken);

        Assert.Equal(new DateOnly(2026, 3, 2), _bars.Single().Date);
        await _versions.Received(1).AdvanceAsync(Arg.Is<IReadOnlyCollection<string>>(s => s.SequenceEqual(new[] { "AAPL" })), Arg.Any<CancellationToken>());
    }

    private RollQuoteIntoBarsOnMarketQuoteUpdated Handler() =>
        new(InMemoryRepository.Of(_bars), InMemoryRepository.Of(new List<MinuteBar>()), _versions, _clock);

    private static MarketQuoteUpdated Quote(string symbol, DateTime at, decimal last) => new(symbol, last - 0.01m, last + 0.01m, last, at);
}
