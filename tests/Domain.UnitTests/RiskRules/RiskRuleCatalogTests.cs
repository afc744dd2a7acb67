using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.RiskRules;

namespace RiskPlatform.Domain.UnitTests.RiskRules;

public sealed class RiskRuleCatalogTests
{
    [Theory]
    [InlineData(RiskRuleType.MaxCorrelation, true)]
    [InlineData(RiskRuleType.SectorLimit, true)]
    [InlineData(RiskRuleType.StopLoss, true)]
    [InlineData(RiskRuleType.TakeProfit, true)]
    [InlineData(RiskRuleType.MaxPositionSize, true)]
    [InlineData(RiskRuleType.PriceCollar, true)]
    [InlineData((RiskRuleType)99, false)]
    public void IsSupported_ReflectsSemantics(RiskRuleType type, bool supported)
    {
        Assert.Equal(supported, RiskRuleCatalog.IsSupported(type));
        Assert.Equal(supported, RiskRuleCatalog.SupportedTypes.Contains(type));
        Assert.Equal(supported, RiskRuleCatalog.AllowedActions(type).Count > 0);
    }

    [Fact]
    public void ReduceSize_FitsOnlyRulesASmallerOrderCanSatisfy()
    {
        var fitting = RiskRuleCatalog.SupportedTypes.Where(t => RiskRuleCatalog.IsActionAllowed(t, RiskAction.ReduceSize));

        Assert.Equal(
            [RiskRuleType.MaxPositionSize, RiskRuleType.MaxOrderValue, RiskRuleType.MaxLeverage, RiskRuleType.MaxConcentration, RiskRuleType.SectorLimit],
            fitting);
    }

    [Theory]
    [InlineData(RiskAction.ClosePosition)]
    [InlineData(RiskAction.CloseAll)]
    public void CloseActions_FitOnlyPortfolioLevelRules(RiskAction action)
    {
        var fitting = RiskRuleCatalog.SupportedTypes.Where(t => RiskRuleCatalog.IsActionAllowed(t, action));

        Assert.Equal(
            [
                RiskRuleType.MaxPositionSize, RiskRuleType.MaxDailyLoss, RiskRuleType.MaxDrawdown, RiskRuleType.MaxLeverage,
                RiskRuleType.MaxConcentration, RiskRuleType.MaxCorrelation, RiskRuleType.SectorLimit, RiskRuleType.StopLoss, RiskRuleType.TakeProfit,
            ],
            fitting);
        Assert.All(fitting, t => Assert.True(RiskRuleCatalog.IsMonitored(t)));
    }

    [Theory]
    [InlineData(RiskRuleType.MaxPositionSize, new[] { ThresholdUnit.Dollars, ThresholdUnit.Percent, ThresholdUnit.Shares })]
    [InlineData(RiskRuleType.MaxOrderValue, new[] { ThresholdUnit.Dollars, ThresholdUnit.Shares })]
    [InlineData(RiskRuleType.MaxDailyLoss, new[] { ThresholdUnit.Dollars, ThresholdUnit.Percent })]
    [InlineData(RiskRuleType.MaxDrawdown, new[] { ThresholdUnit.Percent, ThresholdUnit.Dollars })]
    [InlineData(RiskRuleType.PositionLimit, new[] { ThresholdUnit.Count })]
    [InlineData(RiskRuleType.MaxLeverage, new[] { ThresholdUnit.Ratio })]
    [InlineData(RiskRuleType.MaxConcentration, new[] { ThresholdUnit.Percent })]
    [InlineData(RiskRuleType.OrderRateLimit, new[] { ThresholdUnit.Count })]
    [InlineData(RiskRuleType.RestrictedSymbols, new[] { ThresholdUnit.Count })]
    [InlineData(RiskRuleType.PriceCollar, new[] { ThresholdUnit.Percent })]
    [InlineData(RiskRuleType.StopLoss, new[] { ThresholdUnit.Percent })]
    [InlineData(RiskRuleType.TakeProfit, new[] { ThresholdUnit.Percent })]
    [InlineData(RiskRuleType.MaxCorrelation, new[] { ThresholdUnit.Ratio })]
    [InlineData(RiskRuleType.SectorLimit, new[] { ThresholdUnit.Percent })]
    public void AllowedUnits_MatchRuleSemantics(RiskRuleType type, ThresholdUnit[] units)
    {
        Assert.Equal(units, RiskRuleCatalog.AllowedUnits(type));
        foreach (var unit in Enum.GetValues<ThresholdUnit>())
        {
            Assert.Equal(units.Contains(unit), RiskRuleCatalog.IsUnitAllowed(type, unit));
        }
    }

    [Theory]
    [InlineData(RiskRuleType.MaxPositionSize, true, true)]
    [InlineData(RiskRuleType.MaxOrderValue, true, false)]
    [InlineData(RiskRuleType.MaxDailyLoss, true, true)]
    [InlineData(RiskRuleType.OrderRateLimit, true, false)]
    [InlineData(RiskRuleType.StopLoss, false, true)]
    [InlineData(RiskRuleType.TakeProfit, false, true)]
    [InlineData(RiskRuleType.SectorLimit, true, true)]
    [InlineData(RiskRuleType.MaxCorrelation, true, true)]
    public void EvaluationModes_AreDeclaredPerType(RiskRuleType type, bool preTrade, bool monitored)
    {
        Assert.Equal(preTrade, RiskRuleCatalog.IsPreTrade(type));
        Assert.Equal(monitored, RiskRuleCatalog.IsMonitored(type));
    }

    [Fact]
    public void Params_BelongToTheirTypes_AndACorrelationIsAtMostOne()
    {
        Assert.Equal([RiskRuleType.MaxCorrelation], Enum.GetValues<RiskRuleType>().Where(RiskRuleCatalog.AcceptsLookbackDays));
        Assert.Equal([RiskRuleType.SectorLimit], Enum.GetValues<RiskRuleType>().Where(RiskRuleCatalog.AcceptsSectors));
        Assert.Equal(1m, RiskRuleCatalog.MaxThreshold(RiskRuleType.MaxCorrelation, ThresholdUnit.Ratio));
        Assert.Equal(100m, RiskRuleCatalog.MaxThreshold(RiskRuleType.SectorLimit, ThresholdUnit.Percent));
        Assert.Null(RiskRuleCatalog.MaxThreshold(RiskRuleType.MaxLeverage, ThresholdUnit.Ratio));
    }

    [Fact]
    public void Severity_RanksCloseAllAboveClosePositionAboveBlockAboveReduceAboveAlert()
    {
        RiskAction[] ranked = [RiskAction.Alert, RiskAction.ReduceSize, RiskAction.Block, RiskAction.ClosePosition, RiskAction.CloseAll];

        Assert.Equal(ranked, Enum.GetValues<RiskAction>().OrderBy(RiskRuleCatalog.Severity));
        Assert.Equal(RiskAction.Block, RiskRuleCatalog.Strictest(RiskAction.ReduceSize, RiskAction.Block));
        Assert.Equal(RiskAction.CloseAll, RiskRuleCatalog.Strictest(RiskAction.CloseAll, RiskAction.ClosePosition));
    }

    [Theory]
    [InlineData(RiskRuleType.MaxPositionSize, "max_position_size")]
    [InlineData(RiskRuleType.OrderRateLimit, "order_rate_limit")]
    [InlineData(RiskRuleType.TakeProfit, "take_profit")]
    public void WireNames_AreSnakeCase(RiskRuleType type, string wire)
    {
        Assert.Equal(wire, WireEnum.Name(type));
        Assert.Equal("reduce_size", WireEnum.Name(RiskAction.ReduceSize));
        Assert.Equal(wire, System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(type.ToString()));
    }
}
