namespace RiskPlatform.Infrastructure.Brokers.Alpaca;

/// <summary>Whose call spends a key's request budget (<see cref="AlpacaRequestBudget"/>).</summary>
internal enum AlpacaCaller
{
    /// <summary>A signed-in user's request (portfolio risk, max quantity, rule tests, their own orders).</summary>
    User,

    /// <summary>The service on its own account, with no signed-in caller: the monitor's checks and liquidations.</summary>
    Service,
}
