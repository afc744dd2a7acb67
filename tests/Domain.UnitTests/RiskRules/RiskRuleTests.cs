using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.RiskRules;
using RiskPlatform.Domain.RiskRules.Events;
using static RiskPlatform.Domain.UnitTests.RiskRules.RiskScenario;

namespace RiskPlatform.Domain.UnitTests.RiskRules;

public sealed class RiskRuleTests
{
    [Theory]
    [InlineData(RiskRuleType.MaxCorrelation, 0.8, ThresholdUnit.Percent, RiskAction.Alert, RiskRuleErrors.UnitNotAllowed)]
    [InlineData(RiskRuleType.MaxCorrelation, 1.01, ThresholdUnit.Ratio, RiskAction.Alert, RiskRuleErrors.ThresholdTooLarge)]
    [InlineData(RiskRuleType.MaxCorrelation, 0.8, ThresholdUnit.Ratio, RiskAction.ReduceSize, RiskRuleErrors.ActionNotAllowed)]
    [InlineData(RiskRuleType.SectorLimit, 25, ThresholdUnit.Dollars, RiskAction.Alert, RiskRuleErrors.UnitNotAllowed)]
    [InlineData(RiskRuleType.SectorLimit, 100.5, ThresholdUnit.Percent, RiskAction.Alert, RiskRuleErrors.ThresholdTooLarge)]
    [InlineData((RiskRuleType)42, 1, ThresholdUnit.Percent, RiskAction.Alert, RiskRuleErrors.TypeUnknown)]
    [InlineData(RiskRuleType.MaxLeverage, 0, ThresholdUnit.Ratio, RiskAction.Alert, RiskRuleErrors.ThresholdNotPositive)]
    [InlineData(RiskRuleType.MaxLeverage, -1, ThresholdUnit.Ratio, RiskAction.Alert, RiskRuleErrors.ThresholdNotPositive)]
    [InlineData(RiskRuleType.MaxDailyLoss, 100.01, ThresholdUnit.Percent, RiskAction.Alert, RiskRuleErrors.ThresholdTooLarge)]
    [InlineData(RiskRuleType.PositionLimit, 2.5, ThresholdUnit.Count, RiskAction.Block, RiskRuleErrors.ThresholdNotWhole)]
    [InlineData(RiskRuleType.MaxLeverage, 2, ThresholdUnit.Percent, RiskAction.Alert, RiskRuleErrors.UnitNotAllowed)]
    [InlineData(RiskRuleType.MaxOrderValue, 2, ThresholdUnit.Percent, RiskAction.Alert, RiskRuleErrors.UnitNotAllowed)]
    [InlineData(RiskRuleType.MaxDailyLoss, 2, ThresholdUnit.Percent, RiskAction.ReduceSize, RiskRuleErrors.ActionNotAllowed)]
    [InlineData(RiskRuleType.MaxOrderValue, 2, ThresholdUnit.Dollars, RiskAction.ClosePosition, RiskRuleErrors.ActionNotAllowed)]
    [InlineData(RiskRuleType.StopLoss, 2, ThresholdUnit.Percent, RiskAction.Block, RiskRuleErrors.ActionNotAllowed)]
    [InlineData(RiskRuleType.RestrictedSymbols, 1, ThresholdUnit.Count, RiskAction.Block, RiskRuleErrors.SymbolsRequired)]
    public void Create_WhenInvariantFails_ThrowsWithStableCode(
        RiskRuleType type, double threshold, ThresholdUnit unit, RiskAction action, string code)
    {
        var ex = Assert.Throws<DomainException>(() => RiskRule.Create(UserId, "rule", null, type, (decimal)threshold, unit, action));

        Assert.Equal(code, ex.Code);
    }

    [Theory]
    [InlineData(RiskRuleType.MaxDailyLoss, 100, ThresholdUnit.Percent)] // exactly 100 % is allowed
    [InlineData(RiskRuleType.TakeProfit, 250, ThresholdUnit.Percent)] // a gain may exceed 100 %
    [InlineData(RiskRuleType.MaxPositionSize, 1_000_000, ThresholdUnit.Dollars)]
    public void Create_WhenThresholdFits_Succeeds(RiskRuleType type, decimal threshold, ThresholdUnit unit)
    {
        var rule = RiskRule.Create(UserId, "rule", null, type, threshold, unit, RiskAction.Alert);

        Assert.Equal(threshold, rule.ThresholdValue);
    }

    [Fact]
    public void HistoryRuleParams_AreValidatedAndBelongToTheirTypes()
    {
        var correlation = RiskRule.Create(UserId, "c", null, RiskRuleType.MaxCorrelation, 0.8m, ThresholdUnit.Ratio, RiskAction.Block, lookbackDays: 20);
        var byDefault = RiskRule.Create(UserId, "c", null, RiskRuleType.MaxCorrelation, 1m, ThresholdUnit.Ratio, RiskAction.Block);
        var sectors = RiskRule.Create(
            UserId, "s", null, RiskRuleType.SectorLimit, 30m, ThresholdUnit.Percent, RiskAction.Block, sectors: [" Energy ", "energy", "Unclassified"]);

        Assert.Equal((20, 20), (correlation.LookbackDays, correlation.EffectiveLookbackDays));
        Assert.Equal((null, 60), (byDefault.LookbackDays, byDefault.EffectiveLookbackDays));
        Assert.Equal(["Energy", "Unclassified"], sectors.Sectors);
        Assert.True(sectors.AppliesToSector("ENERGY"));
        Assert.True(sectors.AppliesToSector("unclassified"));
        Assert.False(sectors.AppliesToSector("Utilities"));

        Assert.Equal(RiskRuleErrors.LookbackDaysInvalid, Assert.Throws<DomainException>(() =>
            RiskRule.Create(UserId, "c", null, RiskRuleType.MaxCorrelation, 0.8m, ThresholdUnit.Ratio, RiskAction.Block, lookbackDays: 19)).Code);
        Assert.Equal(RiskRuleErrors.LookbackDaysInvalid, Assert.Throws<DomainException>(() =>
            RiskRule.Create(UserId, "c", null, RiskRuleType.MaxCorrelation, 0.8m, ThresholdUnit.Ratio, RiskAction.Block, lookbackDays: 1261)).Code);
        Assert.Equal(RiskRuleErrors.LookbackDaysNotAllowed, Assert.Throws<DomainException>(() =>
            RiskRule.Create(UserId, "c", null, RiskRuleType.SectorLimit, 8m, ThresholdUnit.Percent, RiskAction.Block, lookbackDays: 60)).Code);
        Assert.Equal(RiskRuleErrors.SectorsNotAllowed, Assert.Throws<DomainException>(() =>
            RiskRule.Create(UserId, "c", null, RiskRuleType.MaxConcentration, 8m, ThresholdUnit.Percent, RiskAction.Block, sectors: ["Energy"])).Code);
        Assert.Equal(RiskRuleErrors.SectorInvalid, Assert.Throws<DomainException>(() =>
            RiskRule.Create(UserId, "c", null, RiskRuleType.SectorLimit, 8m, ThresholdUnit.Percent, RiskAction.Block, sectors: [new string('x', 65)])).Code);

        // Changing the type away clears the params it took; changing back to it without them leaves the defaults.
        var changes = sectors.Update(new RiskRuleUpdate { RuleType = RiskRuleType.MaxConcentration });
        Assert.Empty(sectors.Sectors);
        Assert.Contains(changes.Changes, c => c.Field == "sectors");
        correlation.Update(new RiskRuleUpdate { LookbackDays = 120 });
        Assert.Equal(120, correlation.LookbackDays);
        correlation.Update(new RiskRuleUpdate { RuleType = RiskRuleType.MaxLeverage, ThresholdValue = 2m });
        Assert.Null(correlation.LookbackDays);
    }

    [Theory]
    [InlineData("", RiskRuleErrors.NameRequired)]
    [InlineData("   ", RiskRuleErrors.NameRequired)]
    public void Create_WhenNameBlank_Throws(string name, string code)
    {
        var ex = Assert.Throws<DomainException>(() => Rule(name));

        Assert.Equal(code, ex.Code);
    }

    [Fact]
    public void Create_WhenNameTooLong_Throws()
    {
        var ex = Assert.Throws<DomainException>(() => Rule(new string('x', RiskRule.NameMaxLength + 1)));

        Assert.Equal(RiskRuleErrors.NameTooLong, ex.Code);
        Assert.Equal(RiskRule.NameMaxLength, Rule(new string('x', RiskRule.NameMaxLength)).Name.Length);
    }

    [Theory]
    [InlineData(null, RiskRuleErrors.WindowSecondsRequired)]
    [InlineData(0, RiskRuleErrors.WindowSecondsInvalid)]
    [InlineData(-5, RiskRuleErrors.WindowSecondsInvalid)]
    public void Create_OrderRateLimit_RequiresPositiveWindow(int? window, string code)
    {
        var ex = Assert.Throws<DomainException>(() => RiskRule.Create(
            UserId, "rate", null, RiskRuleType.OrderRateLimit, 5, ThresholdUnit.Count, RiskAction.Block, windowSeconds: window));

        Assert.Equal(code, ex.Code);
    }

    [Fact]
    public void Create_WhenWindowGivenToOtherType_Throws()
    {
        var ex = Assert.Throws<DomainException>(() => RiskRule.Create(
            UserId, "lev", null, RiskRuleType.MaxLeverage, 2, ThresholdUnit.Ratio, RiskAction.Block, windowSeconds: 60));

        Assert.Equal(RiskRuleErrors.WindowSecondsNotAllowed, ex.Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("BRK B")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFG")]
    public void Create_WhenSymbolInvalid_Throws(string symbol)
    {
        var ex = Assert.Throws<DomainException>(() => RiskRule.Create(
            UserId, "r", null, RiskRuleType.RestrictedSymbols, 1, ThresholdUnit.Count, RiskAction.Block, symbols: [symbol]));

        Assert.Equal(RiskRuleErrors.SymbolInvalid, ex.Code);
    }

    [Fact]
    public void Create_NormalizesFieldsAndStartsClean()
    {
        var rule = RiskRule.Create(
            UserId, "  Restricted  ", "  ", RiskRuleType.RestrictedSymbols, 1, ThresholdUnit.Count, RiskAction.Block,
            strategyId: StrategyA, symbols: [" tsla", "TSLA", "gme "]);

        Assert.Equal("Restricted", rule.Name);
        Assert.Null(rule.Description);
        Assert.Equal(["TSLA", "GME"], rule.Symbols);
        Assert.True(rule.IsActive);
        Assert.Equal(0, rule.BreachCount);
        Assert.Null(rule.LastBreachAt);
        Assert.Empty(rule.DomainEvents);
        Assert.Equal(StrategyA, rule.StrategyId);
        Assert.Equal(7, rule.Id.Version);
    }

    [Fact]
    public void Update_ReturnsOldAndNewValuesOfChangedFields()
    {
        var rule = RiskRule.Create(UserId, "Leverage", null, RiskRuleType.MaxLeverage, 2, ThresholdUnit.Ratio, RiskAction.Alert);

        var changes = rule.Update(new RiskRuleUpdate { ThresholdValue = 2.5m, Action = RiskAction.Block, Name = "Leverage", StrategyId = StrategyA });

        Assert.Equal(2.5m, rule.ThresholdValue);
        Assert.Equal(RiskAction.Block, rule.Action);
        Assert.Equal(
            $"threshold_value: 2 -> 2.5; action: alert -> block; strategy_id: null -> {StrategyA}",
            changes.Describe());
    }

    [Fact]
    public void Update_WhenNothingChanges_ReportsNoChanges()
    {
        var rule = Rule("r");

        var changes = rule.Update(new RiskRuleUpdate { ThresholdValue = rule.ThresholdValue });

        Assert.False(changes.HasChanges);
        Assert.Equal("no changes", changes.Describe());
    }

    [Fact]
    public void Update_WhenThresholdDiffersOnlyInTrailingZeros_ReportsNoChange()
    {
        // A threshold read back from its decimal(28, 8) column carries scale 8.
        var rule = RiskRule.Create(UserId, "Leverage", null, RiskRuleType.MaxLeverage, 2.00000000m, ThresholdUnit.Ratio, RiskAction.Alert);

        var same = rule.Update(new RiskRuleUpdate { ThresholdValue = 2m });
        var changed = rule.Update(new RiskRuleUpdate { ThresholdValue = 2.50m });

        Assert.False(same.HasChanges);
        Assert.Equal("threshold_value: 2 -> 2.5", changed.Describe());
    }

    [Theory]
    [InlineData(150.0, null, null, RiskRuleErrors.ThresholdTooLarge)] // percent now over 100
    [InlineData(null, ThresholdUnit.Ratio, null, RiskRuleErrors.UnitNotAllowed)]
    [InlineData(null, null, RiskAction.ReduceSize, RiskRuleErrors.ActionNotAllowed)]
    public void Update_WhenResultBreaksInvariant_ThrowsAndChangesNothing(double? threshold, ThresholdUnit? unit, RiskAction? action, string code)
    {
        var rule = RiskRule.Create(UserId, "Loss", "d", RiskRuleType.MaxDailyLoss, 5, ThresholdUnit.Percent, RiskAction.Alert);

        var ex = Assert.Throws<DomainException>(() => rule.Update(new RiskRuleUpdate
        {
            Name = "Renamed",
            ThresholdValue = (decimal?)threshold,
            ThresholdUnit = unit,
            Action = action,
        }));

        Assert.Equal(code, ex.Code);
        Assert.Equal("Loss", rule.Name);
        Assert.Equal(5m, rule.ThresholdValue);
        Assert.Equal(ThresholdUnit.Percent, rule.ThresholdUnit);
        Assert.Equal(RiskAction.Alert, rule.Action);
    }

    [Fact]
    public void Update_WhenTypeChangesAwayFromRateLimit_ClearsWindow()
    {
        var rule = RiskRule.Create(UserId, "r", null, RiskRuleType.OrderRateLimit, 5, ThresholdUnit.Count, RiskAction.Block, windowSeconds: 60);

        var changes = rule.Update(new RiskRuleUpdate { RuleType = RiskRuleType.PositionLimit });

        Assert.Null(rule.WindowSeconds);
        Assert.Equal("rule_type: order_rate_limit -> position_limit; window_seconds: 60 -> null", changes.Describe());
    }

    [Fact]
    public void Update_ClearsDescriptionStrategyAndSymbols()
    {
        var rule = RiskRule.Create(
            UserId, "r", "desc", RiskRuleType.MaxOrderValue, 5, ThresholdUnit.Dollars, RiskAction.Block, strategyId: StrategyA, symbols: ["AAPL"]);

        var changes = rule.Update(new RiskRuleUpdate { Description = "", ClearStrategyId = true, Symbols = [], IsActive = false });

        Assert.Null(rule.Description);
        Assert.Null(rule.StrategyId);
        Assert.Empty(rule.Symbols);
        Assert.False(rule.IsActive);
        Assert.Equal(
            $"description: desc -> null; is_active: true -> false; strategy_id: {StrategyA} -> null; symbols: [AAPL] -> []",
            changes.Describe());
    }

    [Fact]
    public void RecordBreach_CopiesTheRuleIntoTheBreachAndRaisesTheEventOnIt()
    {
        var rule = RiskRule.Create(UserId, "Lev", null, RiskRuleType.MaxLeverage, 2, ThresholdUnit.Ratio, RiskAction.Block);
        var orderId = Guid.CreateVersion7();

        var breach = rule.RecordBreach(2.41m, 2m, "aapl", orderId, "MAX_LEVERAGE_EXCEEDED: projected=2.41, limit=2.00", BreachSource.PreTrade, Now);

        Assert.Equal((UserId, rule.Id, "Lev", RiskRuleType.MaxLeverage, RiskAction.Block, 2m, ThresholdUnit.Ratio), (breach.UserId, breach.RuleId, breach.RuleName, breach.RuleType, breach.Action, breach.ThresholdValue, breach.ThresholdUnit));
        Assert.Equal((2.41m, 2m, "AAPL", (Guid?)orderId, BreachSource.PreTrade, Now), (breach.Observed, breach.Limit, breach.Symbol, breach.OrderId, breach.Source, breach.OccurredAt));
        Assert.Empty(rule.DomainEvents);
        var raised = Assert.IsType<RiskRuleBreached>(Assert.Single(breach.DomainEvents));
        Assert.Equal(
            new RiskRuleBreached(
                UserId, rule.Id, "Lev", RiskRuleType.MaxLeverage, RiskAction.Block, ThresholdUnit.Ratio, 2.41m, 2m, "AAPL", orderId,
                "MAX_LEVERAGE_EXCEEDED: projected=2.41, limit=2.00", Now),
            raised);
    }

    [Fact]
    public void RecordBreach_TruncatesAnOverlongReason()
    {
        var rule = RiskRule.Create(UserId, "Lev", null, RiskRuleType.MaxLeverage, 2, ThresholdUnit.Ratio, RiskAction.Block);

        var breach = rule.RecordBreach(3m, 2m, null, null, new string('x', 900), BreachSource.Monitor, Now);

        Assert.Equal(RiskBreach.MessageMaxLength, breach.Message!.Length);
    }

    [Theory]
    [InlineData(null, null, null, "AAPL", true)]
    [InlineData("A", null, "A", "AAPL", true)]
    [InlineData("A", null, "B", "AAPL", false)]
    [InlineData("A", null, null, "AAPL", false)]
    [InlineData(null, "AAPL", "A", "aapl", true)]
    [InlineData(null, "MSFT", null, "AAPL", false)]
    [InlineData("A", "AAPL", "B", "AAPL", false)]
    public void AppliesTo_GlobalOrMatchingStrategyAndSymbol(string? ruleStrategy, string? ruleSymbol, string? orderStrategy, string symbol, bool applies)
    {
        static Guid? Strategy(string? s) => s switch { "A" => StrategyA, "B" => StrategyB, _ => null };
        var rule = RiskRule.Create(
            UserId, "r", null, RiskRuleType.MaxOrderValue, 5, ThresholdUnit.Dollars, RiskAction.Block,
            strategyId: Strategy(ruleStrategy), symbols: ruleSymbol is null ? null : [ruleSymbol]);

        Assert.Equal(applies, rule.AppliesTo(Strategy(orderStrategy), symbol));
    }

    private static RiskRule Rule(string name) =>
        RiskRule.Create(UserId, name, null, RiskRuleType.MaxLeverage, 2, ThresholdUnit.Ratio, RiskAction.Block);
}
