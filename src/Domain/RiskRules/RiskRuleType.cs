namespace RiskPlatform.Domain.RiskRules;

/// <summary>
/// The kinds of risk rule. Wire values are snake_case (<c>MaxPositionSize</c> is <c>max_position_size</c>).
/// <see cref="RiskRuleCatalog"/> says which are supported and how each is evaluated.
/// </summary>
public enum RiskRuleType
{
    MaxPositionSize,
    MaxOrderValue,
    MaxDailyLoss,
    MaxDrawdown,
    PositionLimit,
    MaxLeverage,
    MaxConcentration,
    OrderRateLimit,
    RestrictedSymbols,
    PriceCollar,

    /// <summary>Known to the clients but without semantics here: refused by <see cref="RiskRule.Create"/>.</summary>
    MaxCorrelation,

    /// <summary>Known to the clients but without semantics here: refused by <see cref="RiskRule.Create"/>.</summary>
    SectorLimit,

    /// <summary>Per position: breached when the adverse move from the average entry price reaches the threshold percent.</summary>
    StopLoss,

    /// <summary>Per position: breached when the favourable move from the average entry price reaches the threshold percent.</summary>
    TakeProfit,
}
