using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.Portfolio.Calendar;
using RiskPlatform.Domain.Portfolio.Events;
using RiskPlatform.Domain.RiskRules;
using RiskPlatform.Domain.RiskRules.Engine;

namespace RiskPlatform.Domain.Portfolio.State;

/// <summary>
/// One user's portfolio-risk state: the trading-day convention and current day, the day-start equity (base of max_daily_loss),
/// the equity high-water mark (base of max_drawdown) with the deepest drawdown seen, and the trading state.
/// <para>
/// <see cref="Mark"/> is called on every mark-to-market (quote or fill). When a mark crosses <see cref="NextDayStart"/> the day rolls:
/// <see cref="DayStartEquity"/> becomes the last equity seen before the boundary (the previous close), and a reducing state whose
/// window has ended returns to active. Build the engine's <see cref="PortfolioSnapshot"/> with <see cref="DayStartEquity"/> and
/// <see cref="HighWaterMark"/> from this state after marking.
/// </para>
/// Persist <see cref="TradingDayKind"/> and <see cref="TimeZoneId"/>; <see cref="Convention"/> is derived from them (not mapped).
/// </summary>
public sealed class PortfolioState : AggregateRoot, IAuditedEntity, IConcurrencyAware
{
    /// <summary>Longest stored trading-state reason; longer reasons are truncated.</summary>
    public const int ReasonMaxLength = 500;

    /// <summary>Reason recorded when a reducing state ends because a new trading day started.</summary>
    public const string ReducingEndedReason = "TRADING_DAY_RESET";

    /// <summary>Reason recorded when a user resumes trading without giving one.</summary>
    public const string ResumedReason = "RESUMED";

    /// <summary>Decimal places of <see cref="MaxDrawdownPercent"/> (a ten-billionth of a percent).</summary>
    public const int DrawdownDecimals = 10;

    private TradingDayConvention? _convention;

    private PortfolioState()
    {
    }

    /// <summary>
    /// A detached copy to mark in memory, so that the stored state it came from stays as loaded (the account actor shares that
    /// one between reads). All fields are values; the copy raises its own events.
    /// </summary>
    public PortfolioState Copy() => CopyWithoutEvents<PortfolioState>();

    public Guid UserId { get; private set; }

    public TradingDayKind TradingDayKind { get; private set; }

    /// <summary>IANA id for <see cref="TradingDayKind.CalendarInTimeZone"/>; null otherwise.</summary>
    public string? TimeZoneId { get; private set; }

    /// <summary>Start (UTC) of the trading day of the last mark.</summary>
    public DateTime CurrentDayStart { get; private set; }

    /// <summary>Start (UTC) of the next trading day: the first mark at or after it rolls the day.</summary>
    public DateTime NextDayStart { get; private set; }

    /// <summary>Equity at the start of the current trading day (the previous close), the base of max_daily_loss and daily P/L.</summary>
    public decimal DayStartEquity { get; private set; }

    /// <summary>The latest equity marked.</summary>
    public decimal LastEquity { get; private set; }

    public DateTime LastMarkedAt { get; private set; }

    /// <summary>Highest equity since the account started or trading last resumed after a halt.</summary>
    public decimal HighWaterMark { get; private set; }

    public DateTime HighWaterMarkAt { get; private set; }

    /// <summary>
    /// Deepest drawdown seen, in percent of the high-water mark at the time (0–100), to <see cref="DrawdownDecimals"/> places
    /// (what every store keeps exactly, so a mark at the same equity never finds a deeper drawdown than the stored one);
    /// survives a resume.
    /// </summary>
    public decimal MaxDrawdownPercent { get; private set; }

    public TradingState TradingState { get; private set; }

    /// <summary>Why the state last changed (a reason code or breach reason); null while never changed.</summary>
    public string? TradingStateReason { get; private set; }

    /// <summary>When the state last changed (creation time until then).</summary>
    public DateTime TradingStateSince { get; private set; }

    /// <summary>While <see cref="TradingState.Reducing"/>: the instant the reducing state ends (the next trading day start).</summary>
    public DateTime? ReducingUntil { get; private set; }

    /// <summary>
    /// The state in effect at <paramref name="now"/>: <see cref="TradingState"/>, except that a reducing state whose window has
    /// ended (<see cref="ReducingUntil"/> reached) is already active, before the next mark records the change.
    /// </summary>
    public TradingState TradingStateAt(DateTime now) =>
        TradingState == TradingState.Reducing && ReducingUntil is { } until && now >= until ? TradingState.Active : TradingState;

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public Guid ConcurrencyStamp { get; set; }

    /// <summary>The trading-day convention, rebuilt from <see cref="TradingDayKind"/> and <see cref="TimeZoneId"/>.</summary>
    public TradingDayConvention Convention => _convention ??= TradingDayConvention.From(TradingDayKind, TimeZoneId);

    /// <summary>
    /// Starts tracking an account with <paramref name="equity"/> at <paramref name="now"/>. The day-start equity is
    /// <paramref name="dayStartEquity"/> and the high-water mark the larger of <paramref name="highWaterMark"/> and the equity when
    /// the broker knows them (positive), so losses earlier in the day or since the peak are not forgotten; otherwise both are the
    /// equity. The convention defaults to <see cref="TradingDayConvention.UsEquities"/>.
    /// </summary>
    public static PortfolioState Create(
        Guid userId,
        decimal equity,
        DateTime now,
        TradingDayConvention? convention = null,
        decimal? dayStartEquity = null,
        decimal? highWaterMark = null)
    {
        convention ??= TradingDayConvention.UsEquities;
        var dayStart = dayStartEquity is > 0 ? dayStartEquity.Value : equity;
        var peak = highWaterMark is > 0 && highWaterMark.Value > equity ? highWaterMark.Value : equity;
        return new PortfolioState
        {
            UserId = userId,
            TradingDayKind = convention.Kind,
            TimeZoneId = convention.TimeZoneId,
            _convention = convention,
            CurrentDayStart = convention.CurrentDayStart(now),
            NextDayStart = convention.NextDayStart(now),
            DayStartEquity = dayStart,
            LastEquity = equity,
            LastMarkedAt = now,
            HighWaterMark = peak,
            HighWaterMarkAt = now,
            MaxDrawdownPercent = DrawdownPercent(peak, equity),
            TradingState = TradingState.Active,
            TradingStateSince = now,
        };
    }

    /// <summary>
    /// True when this state differs from <paramref name="other"/> in anything a store must keep: the convention and trading day,
    /// the day-start equity, the high-water mark, the deepest drawdown and the trading state. Only the last mark
    /// (<see cref="LastEquity"/>, <see cref="LastMarkedAt"/>) is left out: a mark that changes nothing else need not be stored.
    /// </summary>
    public bool DiffersBeyondTheMark(PortfolioState other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return TradingDayKind != other.TradingDayKind
            || !string.Equals(TimeZoneId, other.TimeZoneId, StringComparison.Ordinal)
            || CurrentDayStart != other.CurrentDayStart
            || NextDayStart != other.NextDayStart
            || DayStartEquity != other.DayStartEquity
            || HighWaterMark != other.HighWaterMark
            || HighWaterMarkAt != other.HighWaterMarkAt
            || MaxDrawdownPercent != other.MaxDrawdownPercent
            || TradingState != other.TradingState
            || !string.Equals(TradingStateReason, other.TradingStateReason, StringComparison.Ordinal)
            || TradingStateSince != other.TradingStateSince
            || ReducingUntil != other.ReducingUntil;
    }

    private static decimal DrawdownPercent(decimal highWaterMark, decimal equity) =>
        decimal.Round(RiskMath.Drawdown(highWaterMark, equity, ThresholdUnit.Percent), DrawdownDecimals);

    /// <summary>Current drawdown from the high-water mark in percent (0–100), via <see cref="RiskMath.Drawdown"/>.</summary>
    public decimal CurrentDrawdownPercent => RiskMath.Drawdown(HighWaterMark, LastEquity, ThresholdUnit.Percent);

    /// <summary>
    /// Takes the day-start equity from a broker that keeps its own (Alpaca's <c>last_equity</c>, the equity at the previous close),
    /// so the day's P&amp;L is the broker's. Call after <see cref="Mark"/>. True when it changed.
    /// </summary>
    public bool AdoptBrokerDayStartEquity(decimal dayStartEquity)
    {
        if (dayStartEquity <= 0 || dayStartEquity == DayStartEquity)
        {
            return false;
        }

        DayStartEquity = dayStartEquity;
        return true;
    }

    /// <summary>
    /// Records a mark-to-market. Marks older than <see cref="LastMarkedAt"/> are ignored (returns false) so a late quote cannot
    /// move the day backwards. A mark at or after <see cref="NextDayStart"/> first rolls the day (day-start equity := the last
    /// equity before the boundary) and ends an expired reducing state (raising <see cref="TradingStateChanged"/>); then the
    /// high-water mark and the deepest drawdown are updated.
    /// </summary>
    public bool Mark(decimal equity, DateTime now)
    {
        if (now < LastMarkedAt)
        {
            return false;
        }

        if (now >= NextDayStart)
        {
            DayStartEquity = LastEquity;
            CurrentDayStart = Convention.CurrentDayStart(now);
            NextDayStart = Convention.NextDayStart(now);
        }

        if (TradingStateAt(now) != TradingState)
        {
            ChangeState(TradingState.Active, ReducingEndedReason, now);
        }

        LastEquity = equity;
        LastMarkedAt = now;
        if (equity > HighWaterMark)
        {
            HighWaterMark = equity;
            HighWaterMarkAt = now;
        }

        var drawdown = DrawdownPercent(HighWaterMark, equity);
        if (drawdown > MaxDrawdownPercent)
        {
            MaxDrawdownPercent = drawdown;
        }

        return true;
    }

    /// <summary>Halts trading (from active or reducing). Already halted: nothing changes and false is returned.</summary>
    public bool Halt(string reason, DateTime now)
    {
        if (TradingState == TradingState.Halted)
        {
            return false;
        }

        ChangeState(TradingState.Halted, reason, now);
        return true;
    }

    /// <summary>
    /// Resumes trading after a halt: back to active, and only here the high-water mark is re-baselined to the current equity
    /// (so the drawdown that caused the halt does not immediately halt again). Throws <see cref="ConflictException"/>
    /// <see cref="PortfolioErrors.TradingNotHalted"/> when not halted.
    /// </summary>
    public void Resume(DateTime now, string? reason = null)
    {
        if (TradingState != TradingState.Halted)
        {
            throw new ConflictException(PortfolioErrors.TradingNotHalted, $"Trading is {TradingState.ToString().ToLowerInvariant()}, not halted.");
        }

        HighWaterMark = LastEquity;
        HighWaterMarkAt = now;
        ChangeState(TradingState.Active, string.IsNullOrWhiteSpace(reason) ? ResumedReason : reason, now);
    }

    /// <summary>
    /// Only exposure-reducing orders pass until the next trading day starts (<see cref="ReducingUntil"/>). From active: changes
    /// state and returns true. Already reducing: extends the window to the next day start without an event (returns false).
    /// Halted is stricter: nothing changes (returns false).
    /// </summary>
    public bool EnterReducing(string reason, DateTime now)
    {
        if (TradingState == TradingState.Halted)
        {
            return false;
        }

        var until = Convention.NextDayStart(now);
        if (TradingState == TradingState.Reducing)
        {
            ReducingUntil = until > ReducingUntil ? until : ReducingUntil;
            return false;
        }

        ChangeState(TradingState.Reducing, reason, now);
        ReducingUntil = until;
        return true;
    }

    /// <summary>
    /// Switches the trading-day convention; the current day and next boundary are recomputed from <paramref name="now"/>, the
    /// day-start equity is kept, and a reducing window ends at the new next day start.
    /// </summary>
    public void ChangeConvention(TradingDayConvention convention, DateTime now)
    {
        _convention = convention;
        TradingDayKind = convention.Kind;
        TimeZoneId = convention.TimeZoneId;
        CurrentDayStart = convention.CurrentDayStart(now);
        NextDayStart = convention.NextDayStart(now);
        if (TradingState == TradingState.Reducing)
        {
            ReducingUntil = NextDayStart;
        }
    }

    /// <summary>
    /// The refusal code for an order in the current trading state, or null when it may pass: halted refuses everything but the
    /// monitor's own orders (<see cref="PortfolioErrors.TradingHalted"/>); reducing refuses orders that add exposure
    /// (<see cref="PortfolioErrors.TradingReducing"/>) until <see cref="ReducingUntil"/>, even before the next mark ends it.
    /// </summary>
    public string? RefusalCode(bool reducesExposure, bool isMonitorOrder, DateTime now)
    {
        if (isMonitorOrder)
        {
            return null;
        }

        return TradingStateAt(now) switch
        {
            TradingState.Halted => PortfolioErrors.TradingHalted,
            TradingState.Reducing when !reducesExposure => PortfolioErrors.TradingReducing,
            _ => null,
        };
    }

    /// <summary>The message of a <see cref="RefusalCode"/> (<see cref="PortfolioErrors.TradingHalted"/> or <see cref="PortfolioErrors.TradingReducing"/>).</summary>
    public string RefusalMessage(string code) => code == PortfolioErrors.TradingHalted
        ? $"{PortfolioErrors.TradingHalted}: trading is halted ({TradingStateReason}); resume trading first."
        : $"{PortfolioErrors.TradingReducing}: only orders that reduce exposure are allowed until {ReducingUntil:yyyy-MM-ddTHH:mm:ssZ} ({TradingStateReason}).";

    /// <summary>Throws <see cref="DomainException"/> with the <see cref="RefusalCode"/> when the trading state refuses the order.</summary>
    public void EnsureOrderAllowed(bool reducesExposure, bool isMonitorOrder, DateTime now)
    {
        if (RefusalCode(reducesExposure, isMonitorOrder, now) is { } code)
        {
            throw new DomainException(code, RefusalMessage(code));
        }
    }

    private void ChangeState(TradingState to, string reason, DateTime now)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException(PortfolioErrors.ReasonRequired, "A trading state change needs a reason.");
        }

        reason = reason.Trim();
        if (reason.Length > ReasonMaxLength)
        {
            reason = reason[..ReasonMaxLength];
        }

        var from = TradingState;
        TradingState = to;
        TradingStateReason = reason;
        TradingStateSince = now;
        if (to != TradingState.Reducing)
        {
            ReducingUntil = null;
        }

        Raise(new TradingStateChanged(UserId, from, to, reason, now));
    }
}
