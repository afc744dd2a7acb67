namespace RiskPlatform.Domain.RiskRules.Engine;

/// <summary>
/// The monitor's cheap, conservative pre-screen for one per-symbol rule at one level: it proves, in <see cref="double"/>, that a
/// position's measure is below the level, so that the exact <see cref="decimal"/> test (<see cref="RiskMath.PercentReaches"/>,
/// <see cref="RiskMath.MovePercentReaches"/> and the plain comparisons) can be skipped. It never decides that a value reaches the
/// level: every position it does not exclude goes through the exact test, so the observations are exactly those of the exact test.
/// <para>
/// Why excluding is safe: each exact test compares two decimal expressions X ≥ R built from at most three operations, each rounded to
/// about 28 significant digits (relative error ≤ 1e-28, absolute ≤ 1e-28 near zero). The screen evaluates the same expressions in
/// double from the converted operands (relative error of a few 1e-16 per operation; for the price move, an absolute error of a few
/// 1e-16 × (|price| + |entry|) × 100 from the subtraction). It excludes only when x is below r by more than
/// 1e-8 × (the magnitudes involved) + 1e-20 — millions of times the combined error — so X &lt; R holds exactly.
/// A negative or non-finite cut-off never excludes (the measures are never negative).
/// </para>
/// </summary>
internal readonly struct PositionScreen
{
    private const double Relative = 1e-8;
    private const double Absolute = 1e-20;

    private readonly ScreenKind _kind;
    private readonly double _level;
    private readonly double _cutoff;

    private PositionScreen(ScreenKind kind, double level, double cutoff)
    {
        _kind = kind;
        _level = level;
        _cutoff = cutoff;
    }

    private enum ScreenKind
    {
        /// <summary>Nothing can be proved (e.g. equity not positive): every position goes to the exact test.</summary>
        None,

        /// <summary>|quantity| ≥ level.</summary>
        Shares,

        /// <summary>|quantity| × price ≥ level.</summary>
        Dollars,

        /// <summary>|quantity| × price × 100 ≥ level × equity (equity positive).</summary>
        PercentOfEquity,

        /// <summary>Adverse move × 100 ≥ level × entry (per position; entry positive).</summary>
        AdverseMove,

        /// <summary>Favourable move × 100 ≥ level × entry (per position; entry positive).</summary>
        FavourableMove,
    }

    /// <summary>The screen of a per-symbol <paramref name="rule"/> at <paramref name="level"/> (in the rule's unit) for an account of <paramref name="equity"/>.</summary>
    public static PositionScreen For(RiskRule rule, decimal level, decimal equity)
    {
        var l = (double)level;
        return rule.RuleType switch
        {
            RiskRuleType.MaxPositionSize when rule.ThresholdUnit == ThresholdUnit.Shares => new(ScreenKind.Shares, l, Cutoff(l, 0d)),
            RiskRuleType.MaxPositionSize when rule.ThresholdUnit == ThresholdUnit.Dollars => new(ScreenKind.Dollars, l, Cutoff(l, 0d)),
            RiskRuleType.MaxPositionSize or RiskRuleType.MaxConcentration when equity > 0 =>
                new(ScreenKind.PercentOfEquity, l, Cutoff(l * (double)equity, 0d)),
            RiskRuleType.StopLoss => new(ScreenKind.AdverseMove, l, 0d),
            RiskRuleType.TakeProfit => new(ScreenKind.FavourableMove, l, 0d),
            _ => new(ScreenKind.None, l, 0d),
        };
    }

    /// <summary>True when <paramref name="position"/>'s measure is proved below the level (the exact test would say no).</summary>
    public bool Excludes(in ScreenedPosition position)
    {
        switch (_kind)
        {
            case ScreenKind.Shares:
                return position.Size < _cutoff;
            case ScreenKind.Dollars:
                return position.Value < _cutoff;
            case ScreenKind.PercentOfEquity:
                return position.Value * 100d < _cutoff;
            case ScreenKind.AdverseMove or ScreenKind.FavourableMove:
                if (!position.EntryPositive)
                {
                    return false;
                }

                var gain = position.IsLong ? position.Price - position.Entry : position.Entry - position.Price;
                var move = Math.Max(0d, _kind == ScreenKind.FavourableMove ? gain : -gain) * 100d;
                var rhs = _level * position.Entry;
                return move < Cutoff(rhs, 100d * (Math.Abs(position.Price) + position.Entry));
            default:
                return false;
        }
    }

    /// <summary>The value below which a measure is proved below <paramref name="rhs"/>; <paramref name="cancellation"/> bounds the magnitude lost to a subtraction.</summary>
    private static double Cutoff(double rhs, double cancellation)
    {
        var cutoff = rhs - (Relative * (Math.Abs(rhs) + cancellation)) - Absolute;
        return double.IsFinite(cutoff) ? cutoff : double.NegativeInfinity;
    }
}
