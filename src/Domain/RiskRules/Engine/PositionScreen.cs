namespace RiskPlatform.Domain.RiskRules.Engine;

/// <summary>
/// The monitor's cheap, conservative pre-screen for one per-symbol rule at one level: it proves, in <see cref="double"/>, that a
/// position's measure is below the level, so that the exact <see cref="decimal"/> test (<see cref="RiskMath.PercentReaches"/>,
/// <see cref="RiskMath.MovePercentReaches"/> and the plain comparisons) can be skipped. It never decides that a value reaches the
/// level: every position it does not exclude goes through the exact test, so the observations are exactly those of the exact test.
/// <para>
/// Why excluding is safe: each exact test compares two decimal expressions X ≥ R built from at most three operations, each rounded
/// to about 28 significant digits (relative error ≤ 1e-28; absolute ≤ 1e-28 near zero). The screen evaluates the same quantities
/// in double from the converted operands (relative error of a few 1e-16 per operation). It excludes only when its value is below
/// the level by more than <see cref="Relative"/> (1e-8) of the magnitudes involved plus <see cref="Absolute"/> (1e-20): millions
/// of times the combined error, so X &lt; R holds exactly. For the price moves, where a subtraction can cancel, the
/// position's measure is an upper bound that already includes 1e-8 × (|price| + entry) × 100 / entry (<see cref="ScreenedPosition"/>),
/// and entries below <see cref="ScreenedPosition.MinScreenedEntry"/> are not screened, so the exact test's absolute rounding,
/// divided by the entry, stays far below the margin. A non-finite cut-off never excludes.
/// </para>
/// </summary>
internal readonly struct PositionScreen
{
    /// <summary>The relative margin of every exclusion.</summary>
    public const double Relative = 1e-8;

    /// <summary>The absolute margin of every exclusion.</summary>
    public const double Absolute = 1e-20;

    private readonly ScreenKind _kind;
    private readonly double _cutoff;

    private PositionScreen(ScreenKind kind, double cutoff)
    {
        _kind = kind;
        _cutoff = double.IsFinite(cutoff) ? cutoff : double.NegativeInfinity;
    }

    private enum ScreenKind
    {
        /// <summary>Nothing can be proved (percent rules when equity is not positive): every open position is tested exactly.</summary>
        None,

        /// <summary>|quantity| ≥ level.</summary>
        Shares,

        /// <summary>|quantity| × price ≥ level.</summary>
        Dollars,

        /// <summary>|quantity| × price × 100 ≥ level × equity (equity positive).</summary>
        PercentOfEquity,

        /// <summary>Adverse move in percent ≥ level.</summary>
        AdverseMove,

        /// <summary>Favourable move in percent ≥ level.</summary>
        FavourableMove,
    }

    /// <summary>The screen of a per-symbol <paramref name="rule"/> at <paramref name="level"/> (in the rule's unit) for an account of <paramref name="equity"/>.</summary>
    public static PositionScreen For(RiskRule rule, decimal level, decimal equity)
    {
        var l = (double)level;
        return rule.RuleType switch
        {
            RiskRuleType.MaxPositionSize when rule.ThresholdUnit == ThresholdUnit.Shares => new(ScreenKind.Shares, Cutoff(l)),
            RiskRuleType.MaxPositionSize when rule.ThresholdUnit == ThresholdUnit.Dollars => new(ScreenKind.Dollars, Cutoff(l)),
            RiskRuleType.MaxPositionSize or RiskRuleType.MaxConcentration when equity > 0 =>
                new(ScreenKind.PercentOfEquity, Cutoff(l * (double)equity)),
            RiskRuleType.StopLoss => new(ScreenKind.AdverseMove, Cutoff(l)),
            RiskRuleType.TakeProfit => new(ScreenKind.FavourableMove, Cutoff(l)),
            _ => new(ScreenKind.None, 0d),
        };
    }

    /// <summary>
    /// The index of the first position at or after <paramref name="start"/> that the screen does not exclude (its measure may reach
    /// the level and must be tested exactly), or -1. Flat positions are always excluded. The switch is outside the loops: each
    /// kind scans one measure with one comparison.
    /// </summary>
    public int Next(ReadOnlySpan<ScreenedPosition> positions, int start)
    {
        var cutoff = _cutoff;
        switch (_kind)
        {
            case ScreenKind.Dollars:
                for (var i = start; i < positions.Length; i++)
                {
                    if (!(positions[i].Value < cutoff))
                    {
                        return i;
                    }
                }

                return -1;
            case ScreenKind.PercentOfEquity:
                for (var i = start; i < positions.Length; i++)
                {
                    if (!(positions[i].Value * 100d < cutoff))
                    {
                        return i;
                    }
                }

                return -1;
            case ScreenKind.AdverseMove:
                for (var i = start; i < positions.Length; i++)
                {
                    if (!(positions[i].AdverseMove < cutoff))
                    {
                        return i;
                    }
                }

                return -1;
            case ScreenKind.FavourableMove:
                for (var i = start; i < positions.Length; i++)
                {
                    if (!(positions[i].FavourableMove < cutoff))
                    {
                        return i;
                    }
                }

                return -1;
            default:
                // Shares, and None with a cut-off of zero: every open position (size above zero).
                for (var i = start; i < positions.Length; i++)
                {
                    if (!(positions[i].Size < cutoff))
                    {
                        return i;
                    }
                }

                return -1;
        }
    }

    /// <summary>The value below which a measure is proved below <paramref name="rhs"/>.</summary>
    private static double Cutoff(double rhs) => rhs - (Relative * Math.Abs(rhs)) - Absolute;
}
