using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.Portfolio.Calendar;
using RiskPlatform.Domain.Portfolio.State;
using RiskPlatform.Domain.Portfolio;
using RiskPlatform.Domain.Portfolio.Events;
using static RiskPlatform.Domain.UnitTests.Portfolio.PortfolioTestData;

namespace RiskPlatform.Domain.UnitTests.Portfolio;

public sealed class PortfolioStateTests
{
    // Now is Tuesday 3 March 2026 15:30 UTC: the day started Monday 2 March 21:00 UTC and the next starts Tuesday 21:00 UTC.
    private static readonly DateTime DayStart = Utc(2026, 3, 2, 21);
    private static readonly DateTime NextDay = Utc(2026, 3, 3, 21);

    [Fact]
    public void Create_WithEquity_BaselinesDayAndHighWaterMark()
    {
        var state = State(100_000m);

        Assert.Equal(TradingDayKind.UsEquities, state.TradingDayKind);
        Assert.Null(state.TimeZoneId);
        Assert.Equal(DayStart, state.CurrentDayStart);
        Assert.Equal(NextDay, state.NextDayStart);
        Assert.Equal(100_000m, state.DayStartEquity);
        Assert.Equal(100_000m, state.HighWaterMark);
        Assert.Equal(Now, state.HighWaterMarkAt);
        Assert.Equal(TradingState.Active, state.TradingState);
        Assert.Empty(state.DomainEvents);
    }

    [Fact]
    public void Copy_MarkedAndHalted_LeavesTheOriginalAsItWas()
    {
        var original = State(100_000m);

        var copy = original.Copy();
        copy.Mark(120_000m, Now.AddMinutes(1));
        copy.Halt("test", Now.AddMinutes(2));

        Assert.Equal(120_000m, copy.HighWaterMark);
        Assert.Equal(TradingState.Halted, copy.TradingState);
        Assert.NotEmpty(copy.DomainEvents);
        Assert.Equal(100_000m, original.HighWaterMark);
        Assert.Equal(TradingState.Active, original.TradingState);
        Assert.Empty(original.DomainEvents);
        Assert.Equal(original.Id, copy.Id);
    }

    [Fact]
    public void DiffersBeyondTheMark_WhenOnlyTheLastMarkMoved_IsFalse()
    {
        var stored = State(100_000m);
        stored.Mark(90_000m, Now.AddMinutes(1));

        var marked = stored.Copy();
        marked.Mark(95_000m, Now.AddMinutes(2));

        Assert.Equal(95_000m, marked.LastEquity);
        Assert.False(marked.DiffersBeyondTheMark(stored));
    }

    [Theory]
    [InlineData(110_000, 0)] // a new high-water mark
    [InlineData(85_000, 0)] // a deeper drawdown
    [InlineData(95_000, 1)] // the next trading day: its day-start equity
    public void DiffersBeyondTheMark_WhenAMarkMovesAStoredFigure_IsTrue(double equity, int daysLater)
    {
        var stored = State(100_000m);
        stored.Mark(90_000m, Now.AddMinutes(1));

        var marked = stored.Copy();
        marked.Mark((decimal)equity, Now.AddMinutes(2).AddDays(daysLater));

        Assert.True(marked.DiffersBeyondTheMark(stored));
    }

    [Fact]
    public void Mark_AtTheSameEquityAsTheDeepestDrawdown_FindsNoDeeperOne_EvenWhereTheExactPercentHasManyDigits()
    {
        var stored = State(100_000m);
        stored.Mark(100_000m / 3m, Now.AddMinutes(1)); // a 66.666… % drawdown

        var marked = stored.Copy();
        marked.Mark(100_000m / 3m, Now.AddMinutes(2));

        Assert.Equal(decimal.Round(stored.MaxDrawdownPercent, PortfolioState.DrawdownDecimals), stored.MaxDrawdownPercent);
        Assert.False(marked.DiffersBeyondTheMark(stored));
    }

    [Fact]
    public void DiffersBeyondTheMark_WhenTheTradingStateChanged_IsTrue()
    {
        var stored = State(100_000m);

        var halted = stored.Copy();
        halted.Halt("test", Now.AddMinutes(1));

        Assert.True(halted.DiffersBeyondTheMark(stored));
    }

    [Theory]
    [InlineData(105_000, 105_000, 0)]
    [InlineData(95_000, 100_000, 5)]
    [InlineData(100_000, 100_000, 0)]
    public void Mark_WithinTheDay_RaisesHighWaterMarkAndTracksDeepestDrawdown(double equity, double expectedHwm, double expectedMaxDrawdown)
    {
        var state = State(100_000m);

        Assert.True(state.Mark((decimal)equity, Now.AddMinutes(1)));

        Assert.Equal((decimal)expectedHwm, state.HighWaterMark);
        Assert.Equal((decimal)expectedMaxDrawdown, state.MaxDrawdownPercent);
        Assert.Equal(100_000m, state.DayStartEquity);
        Assert.Equal((decimal)equity, state.LastEquity);
    }

    [Fact]
    public void Mark_AfterRecovery_KeepsDeepestDrawdown()
    {
        var state = State(100_000m);
        state.Mark(90_000m, Now.AddMinutes(1));
        state.Mark(99_000m, Now.AddMinutes(2));

        Assert.Equal(10m, state.MaxDrawdownPercent);
        Assert.Equal(1m, state.CurrentDrawdownPercent);
    }

    [Fact]
    public void Mark_AcrossTheDayBoundary_DayStartEquityIsThePreviousClose()
    {
        var state = State(100_000m);
        state.Mark(100_500m, NextDay.AddSeconds(-1));

        state.Mark(101_000m, NextDay.AddMinutes(5));

        Assert.Equal(100_500m, state.DayStartEquity);
        Assert.Equal(NextDay, state.CurrentDayStart);
        Assert.Equal(Utc(2026, 3, 4, 21), state.NextDayStart);
    }

    [Fact]
    public void Mark_OverAWeekend_RollsToTheLatestDay()
    {
        var state = State(100_000m, Utc(2026, 3, 6, 20)); // Friday 15:00 EST
        state.Mark(99_000m, Utc(2026, 3, 6, 20, 59));

        state.Mark(98_000m, Utc(2026, 3, 10, 14)); // Tuesday: the day started Monday 16:00 EDT

        Assert.Equal(99_000m, state.DayStartEquity);
        Assert.Equal(Utc(2026, 3, 9, 20), state.CurrentDayStart);
    }

    [Fact]
    public void Mark_OlderThanTheLastMark_IsIgnored()
    {
        var state = State(100_000m);
        state.Mark(101_000m, Now.AddMinutes(2));

        Assert.False(state.Mark(120_000m, Now.AddMinutes(1)));
        Assert.Equal(101_000m, state.LastEquity);
        Assert.Equal(101_000m, state.HighWaterMark);
    }

    [Fact]
    public void Halt_FromActive_RaisesTradingStateChanged()
    {
        var state = State();

        Assert.True(state.Halt("MAX_DRAWDOWN_EXCEEDED: drawdown=12.00, limit=10.00", Now));

        Assert.Equal(TradingState.Halted, state.TradingState);
        Assert.Equal(Now, state.TradingStateSince);
        var changed = Assert.IsType<TradingStateChanged>(Assert.Single(state.DomainEvents));
        Assert.Equal(new TradingStateChanged(UserId, TradingState.Active, TradingState.Halted, "MAX_DRAWDOWN_EXCEEDED: drawdown=12.00, limit=10.00", Now), changed);
    }

    [Fact]
    public void Halt_WhenHalted_ChangesNothing()
    {
        var state = State();
        state.Halt("first", Now);
        state.ClearDomainEvents();

        Assert.False(state.Halt("second", Now.AddMinutes(1)));

        Assert.Equal("first", state.TradingStateReason);
        Assert.Empty(state.DomainEvents);
    }

    [Theory]
    [InlineData(TradingState.Active)]
    [InlineData(TradingState.Reducing)]
    public void Resume_WhenNotHalted_ThrowsConflict(TradingState current)
    {
        var state = State();
        if (current == TradingState.Reducing)
        {
            state.EnterReducing("loss", Now);
        }

        var ex = Assert.Throws<ConflictException>(() => state.Resume(Now));

        Assert.Equal(PortfolioErrors.TradingNotHalted, ex.Code);
        Assert.Equal(current, state.TradingState);
    }

    [Fact]
    public void Resume_AfterHalt_RebaselinesHighWaterMarkToCurrentEquity()
    {
        var state = State(100_000m);
        state.Mark(85_000m, Now.AddMinutes(1));
        state.Halt("drawdown", Now.AddMinutes(1));
        state.ClearDomainEvents();

        state.Resume(Now.AddMinutes(30));

        Assert.Equal(TradingState.Active, state.TradingState);
        Assert.Equal(85_000m, state.HighWaterMark);
        Assert.Equal(Now.AddMinutes(30), state.HighWaterMarkAt);
        Assert.Equal(0m, state.CurrentDrawdownPercent);
        Assert.Equal(15m, state.MaxDrawdownPercent);
        var changed = Assert.IsType<TradingStateChanged>(Assert.Single(state.DomainEvents));
        Assert.Equal((TradingState.Halted, TradingState.Active, PortfolioState.ResumedReason), (changed.From, changed.To, changed.Reason));
    }

    [Fact]
    public void HighWaterMark_IsNotRebaselinedByReducingOrADayRoll()
    {
        var state = State(100_000m);
        state.Mark(90_000m, Now.AddMinutes(1));
        state.EnterReducing("loss", Now.AddMinutes(1));

        state.Mark(91_000m, NextDay.AddMinutes(1));

        Assert.Equal(TradingState.Active, state.TradingState);
        Assert.Equal(100_000m, state.HighWaterMark);
    }

    [Fact]
    public void EnterReducing_FromActive_LastsUntilTheNextDayStart()
    {
        var state = State();

        Assert.True(state.EnterReducing("MAX_DAILY_LOSS_EXCEEDED: loss=2500.00, limit=2000.00", Now));

        Assert.Equal(TradingState.Reducing, state.TradingState);
        Assert.Equal(NextDay, state.ReducingUntil);
        var changed = Assert.IsType<TradingStateChanged>(Assert.Single(state.DomainEvents));
        Assert.Equal((TradingState.Active, TradingState.Reducing), (changed.From, changed.To));
    }

    [Theory]
    [InlineData(-1, TradingState.Reducing)]
    [InlineData(0, TradingState.Active)]
    [InlineData(60, TradingState.Active)]
    public void Mark_RelativeToReducingUntil_EndsReducingOnlyAtTheNextDay(int secondsFromNextDay, TradingState expected)
    {
        var state = State();
        state.EnterReducing("loss", Now);
        state.ClearDomainEvents();

        state.Mark(99_000m, NextDay.AddSeconds(secondsFromNextDay));

        Assert.Equal(expected, state.TradingState);
        if (expected == TradingState.Active)
        {
            var changed = Assert.IsType<TradingStateChanged>(Assert.Single(state.DomainEvents));
            Assert.Equal((TradingState.Reducing, TradingState.Active, PortfolioState.ReducingEndedReason), (changed.From, changed.To, changed.Reason));
            Assert.Null(state.ReducingUntil);
        }
        else
        {
            Assert.Empty(state.DomainEvents);
        }
    }

    [Fact]
    public void EnterReducing_WhenHalted_StaysHalted()
    {
        var state = State();
        state.Halt("close_all", Now);

        Assert.False(state.EnterReducing("loss", Now));

        Assert.Equal(TradingState.Halted, state.TradingState);
        Assert.Null(state.ReducingUntil);
    }

    [Fact]
    public void EnterReducing_WhenReducing_RaisesNoSecondEvent()
    {
        var state = State();
        state.EnterReducing("loss", Now);
        state.ClearDomainEvents();

        Assert.False(state.EnterReducing("loss again", Now.AddMinutes(1)));

        Assert.Empty(state.DomainEvents);
        Assert.Equal(NextDay, state.ReducingUntil);
    }

    [Theory]
    [InlineData(TradingState.Active, false, false, null)]
    [InlineData(TradingState.Active, true, false, null)]
    [InlineData(TradingState.Reducing, false, false, PortfolioErrors.TradingReducing)]
    [InlineData(TradingState.Reducing, true, false, null)]
    [InlineData(TradingState.Reducing, false, true, null)]
    [InlineData(TradingState.Halted, false, false, PortfolioErrors.TradingHalted)]
    [InlineData(TradingState.Halted, true, false, PortfolioErrors.TradingHalted)]
    [InlineData(TradingState.Halted, false, true, null)]
    [InlineData(TradingState.Halted, true, true, null)]
    public void EnsureOrderAllowed_ByState_RefusesWithStableCode(TradingState current, bool reducesExposure, bool isMonitorOrder, string? expectedCode)
    {
        var state = State();
        if (current == TradingState.Reducing)
        {
            state.EnterReducing("loss", Now);
        }
        else if (current == TradingState.Halted)
        {
            state.Halt("close_all", Now);
        }

        Assert.Equal(expectedCode, state.RefusalCode(reducesExposure, isMonitorOrder, Now));
        var ex = Record.Exception(() => state.EnsureOrderAllowed(reducesExposure, isMonitorOrder, Now));
        Assert.Equal(expectedCode, (ex as DomainException)?.Code);
    }

    [Fact]
    public void EnsureOrderAllowed_WhenReducingWindowHasPassedBeforeAMark_Allows()
    {
        var state = State();
        state.EnterReducing("loss", Now);

        state.EnsureOrderAllowed(reducesExposure: false, isMonitorOrder: false, NextDay);

        Assert.Equal(PortfolioErrors.TradingReducing, state.RefusalCode(false, false, NextDay.AddTicks(-1)));
    }

    [Fact]
    public void ChangeConvention_ToLondon_RecomputesTheDayAndPersistsKindAndZone()
    {
        var state = State();

        state.ChangeConvention(TradingDayConvention.CalendarInTimeZone("Europe/London"), Now);

        Assert.Equal(TradingDayKind.CalendarInTimeZone, state.TradingDayKind);
        Assert.Equal("Europe/London", state.TimeZoneId);
        Assert.Equal(Utc(2026, 3, 3, 0), state.CurrentDayStart);
        Assert.Equal(Utc(2026, 3, 4, 0), state.NextDayStart);
        Assert.Equal(100_000m, state.DayStartEquity);
    }

    [Fact]
    public void Halt_WithBlankReason_Throws()
    {
        var state = State();

        var ex = Assert.Throws<DomainException>(() => state.Halt(" ", Now));

        Assert.Equal(PortfolioErrors.ReasonRequired, ex.Code);
    }
}
