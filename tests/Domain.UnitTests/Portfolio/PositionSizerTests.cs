using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.Portfolio.Sizing;
using RiskPlatform.Domain.Portfolio.State;
using RiskPlatform.Domain.Portfolio;
using RiskPlatform.Domain.RiskRules;
using RiskPlatform.Domain.Trading;
using static RiskPlatform.Domain.UnitTests.Portfolio.PortfolioTestData;

namespace RiskPlatform.Domain.UnitTests.Portfolio;

public sealed class PositionSizerTests
{
    private static PositionSizeResult Size(
        PositionSizeRequest request,
        RiskRule[]? rules = null,
        decimal equity = 100_000m,
        decimal? dayStartEquity = null,
        decimal? buyingPower = null,
        PortfolioState? state = null,
        bool withQuote = true) =>
        PositionSizer.Calculate(
            request,
            Snapshot(
                equity,
                dayStartEquity,
                buyingPower: buyingPower ?? 1_000_000m,
                quotes: withQuote ? Quotes(150m, null, request.Symbol) : Quotes(100m, null, "MSFT")),
            state ?? State(equity),
            rules ?? []);

    [Fact]
    public void Calculate_WorkedExample_Gives200SharesAnd1000MaxLoss()
    {
        var result = PositionSizer.Calculate(
            new PositionSizeRequest("aapl", 150m, 145m, RiskPercent: 1m),
            Snapshot(100_000m, quotes: Quotes(150m, null, "AAPL")),
            State(100_000m),
            []);

        Assert.Equal(
            ("AAPL", OrderSide.Buy, SizingMethod.FixedFractional, 200m, 30_000m, 1_000m, 5m, 100_000m, 1m, (string?)null),
            (result.Symbol, result.Side, result.Method, result.RecommendedShares, result.RecommendedValue, result.MaxLoss, result.RiskPerShare,
                result.AccountValue, result.RiskPercentage, result.CappedBy));
        Assert.Empty(result.Warnings);
    }

    [Theory]
    [InlineData(SizingMethod.FixedFractional, 145.0, 2.0, null, null, null, null, SizingMethod.FixedFractional, 400, 5.0)]
    [InlineData(null, 147.0, null, null, null, null, null, SizingMethod.FixedFractional, 333, 3.0)] // 333.33 rounds down
    [InlineData(SizingMethod.PercentOfEquity, 145.0, 5.0, null, null, null, null, SizingMethod.PercentOfEquity, 33, 5.0)]
    [InlineData(SizingMethod.PercentOfEquity, 145.0, null, null, null, null, null, SizingMethod.PercentOfEquity, 66, 5.0)] // default 10 %
    [InlineData(SizingMethod.Volatility, null, null, 2.5, null, null, null, SizingMethod.Volatility, 200, 5.0)] // ATR 2.5 × default 2
    [InlineData(SizingMethod.Volatility, null, 1.0, 2.0, 3.0, null, null, SizingMethod.Volatility, 166, 6.0)]
    [InlineData(SizingMethod.Kelly, 145.0, null, null, null, 0.55, 1.5, SizingMethod.Kelly, 2_500, 5.0)] // f = 0.55 − 0.45 ÷ 1.5 = 0.25, half 0.125: 12,500 at risk ÷ 5
    [InlineData(SizingMethod.Kelly, 145.0, null, null, null, 55.0, 1.5, SizingMethod.Kelly, 2_500, 5.0)] // win rate as a percentage
    public void Calculate_ByMethod_SizesAsDocumented(
        SizingMethod? method, double? stop, double? riskPercent, double? atr, double? atrMultiplier, double? winRate, double? payoff,
        SizingMethod expectedMethod, int expectedShares, double expectedRiskPerShare)
    {
        var result = Size(new PositionSizeRequest(
            "AAPL", 150m, (decimal?)stop, method, (decimal?)riskPercent, (decimal?)atr, (decimal?)atrMultiplier, (decimal?)winRate, (decimal?)payoff));

        Assert.Equal(expectedMethod, result.Method);
        Assert.Equal(expectedShares, result.RecommendedShares);
        Assert.Equal((decimal)expectedRiskPerShare, result.RiskPerShare);
        Assert.Equal(result.RecommendedShares * result.RiskPerShare, result.MaxLoss);
        Assert.Null(result.CappedBy);
    }

    [Fact]
    public void Calculate_WithoutStop_UsesPercentOfEquityAndWarns()
    {
        var result = Size(new PositionSizeRequest("AAPL", 150m));

        Assert.Equal(SizingMethod.PercentOfEquity, result.Method);
        Assert.Equal(66m, result.RecommendedShares);
        Assert.Equal(150m, result.RiskPerShare);
        Assert.Equal(9_900m, result.MaxLoss);
        Assert.StartsWith(PositionSizingWarnings.NoStopLoss + ":", Assert.Single(result.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void Calculate_StopAboveEntry_SizesAShort()
    {
        var result = Size(new PositionSizeRequest("AAPL", 150m, 155m));

        Assert.Equal((OrderSide.Sell, 200m), (result.Side, result.RecommendedShares));
    }

    [Theory]
    [InlineData(0.9, 3.0, 166, PositionSizingWarnings.KellyCapped)] // half-Kelly 0.43 capped at 0.25, no stop: 25 % of equity
    [InlineData(0.3, 1.0, 0, PositionSizingWarnings.KellyNotPositive)]
    public void Calculate_KellyEdgeCases_Warn(double winRate, double payoff, int expectedShares, string expectedWarning)
    {
        var result = Size(new PositionSizeRequest("AAPL", 150m, null, SizingMethod.Kelly, WinRate: (decimal)winRate, PayoffRatio: (decimal)payoff));

        Assert.Equal(expectedShares, result.RecommendedShares);
        Assert.Contains(result.Warnings, w => w.StartsWith(expectedWarning + ":", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(RiskRuleType.MaxPositionSize, 15_000, ThresholdUnit.Dollars, RiskAction.Block, 100, "max_position_size")]
    [InlineData(RiskRuleType.MaxPositionSize, 120, ThresholdUnit.Shares, RiskAction.ReduceSize, 120, "max_position_size")]
    [InlineData(RiskRuleType.MaxConcentration, 12, ThresholdUnit.Percent, RiskAction.Block, 80, "max_concentration")]
    [InlineData(RiskRuleType.MaxLeverage, 0.15, ThresholdUnit.Ratio, RiskAction.Block, 100, "max_leverage")]
    [InlineData(RiskRuleType.MaxPositionSize, 15_000, ThresholdUnit.Dollars, RiskAction.Alert, 200, null)] // alerts never cap
    [InlineData(RiskRuleType.MaxPositionSize, 60_000, ThresholdUnit.Dollars, RiskAction.Block, 200, null)] // not binding
    public void Calculate_WithARule_CapsAndNamesIt(RiskRuleType type, double threshold, ThresholdUnit unit, RiskAction action, int expectedShares, string? expectedCap)
    {
        var result = Size(new PositionSizeRequest("AAPL", 150m, 145m), [Rule(type, (decimal)threshold, unit, action)]);

        Assert.Equal((expectedShares, expectedCap), ((int)result.RecommendedShares, result.CappedBy));
        Assert.Equal(result.RecommendedShares * 5m, result.MaxLoss);
    }

    [Fact]
    public void Calculate_WithDailyLossSpent_CapsByTheRemainingBudget()
    {
        // Day started at 100,000, equity 98,500: 1,500 of a 2,000 limit is spent; 500 ÷ 5 per share = 100 shares.
        var result = Size(new PositionSizeRequest("AAPL", 150m, 145m), [Rule(RiskRuleType.MaxDailyLoss, 2_000m, ThresholdUnit.Dollars)], equity: 98_500m, dayStartEquity: 100_000m);

        Assert.Equal((100m, PositionSizeCaps.DailyLossBudget), (result.RecommendedShares, result.CappedBy));
    }

    [Fact]
    public void Calculate_WithDailyLossPercentRule_ConvertsTheLimitFromDayStartEquity()
    {
        // 2 % of 100,000 = 2,000 limit, 1,800 spent: 200 ÷ 5 = 40 shares.
        var result = Size(new PositionSizeRequest("AAPL", 150m, 145m), [Rule(RiskRuleType.MaxDailyLoss, 2m, ThresholdUnit.Percent)], equity: 98_200m, dayStartEquity: 100_000m);

        Assert.Equal((40m, PositionSizeCaps.DailyLossBudget), (result.RecommendedShares, result.CappedBy));
    }

    [Fact]
    public void Calculate_WithDailyLossAlreadyBreached_TheRuleItselfAllowsNothing()
    {
        var result = Size(new PositionSizeRequest("AAPL", 150m, 145m), [Rule(RiskRuleType.MaxDailyLoss, 2_000m, ThresholdUnit.Dollars)], equity: 97_000m, dayStartEquity: 100_000m);

        Assert.Equal((0m, "max_daily_loss"), (result.RecommendedShares, result.CappedBy));
    }

    [Fact]
    public void Calculate_WithLittleBuyingPower_CapsByBuyingPower()
    {
        var result = Size(new PositionSizeRequest("AAPL", 150m, 145m), buyingPower: 15_000m);

        Assert.Equal((100m, PositionSizeCaps.BuyingPower), (result.RecommendedShares, result.CappedBy));
    }

    [Theory]
    [InlineData(TradingState.Halted, PositionSizeCaps.TradingHalted)]
    [InlineData(TradingState.Reducing, PositionSizeCaps.TradingReducing)]
    public void Calculate_WhenTradingIsRestricted_RecommendsNothing(TradingState tradingState, string expectedCap)
    {
        var state = State();
        if (tradingState == TradingState.Halted)
        {
            state.Halt("close_all", Now);
        }
        else
        {
            state.EnterReducing("loss", Now);
        }

        var result = Size(new PositionSizeRequest("AAPL", 150m, 145m), state: state);

        Assert.Equal((0m, 0m, expectedCap), (result.RecommendedShares, result.MaxLoss, result.CappedBy));
    }

    [Fact]
    public void Calculate_WithoutAQuote_CapsAtTheEntryPriceAndWarns()
    {
        var result = Size(new PositionSizeRequest("AAPL", 150m, 145m), [Rule(RiskRuleType.MaxPositionSize, 15_000m, ThresholdUnit.Dollars)], withQuote: false);

        Assert.Equal((100m, "max_position_size"), (result.RecommendedShares, result.CappedBy));
        Assert.Contains(result.Warnings, w => w.StartsWith(PositionSizingWarnings.QuoteUnavailable + ":", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("", 150.0, null, null, null, null, null, PortfolioErrors.SymbolRequired)]
    [InlineData("AAPL", 0.0, null, null, null, null, null, PortfolioErrors.EntryPriceNotPositive)]
    [InlineData("AAPL", 150.0, 150.0, null, null, null, null, PortfolioErrors.StopLossInvalid)]
    [InlineData("AAPL", 150.0, 145.0, 0.0, null, null, null, PortfolioErrors.RiskPercentInvalid)]
    [InlineData("AAPL", 150.0, 145.0, null, SizingMethod.Volatility, null, null, PortfolioErrors.AtrRequired)]
    [InlineData("AAPL", 150.0, 145.0, null, SizingMethod.Kelly, 0.6, null, PortfolioErrors.KellyInputsRequired)]
    public void Calculate_WithBadInput_ThrowsWithCode(
        string symbol, double entry, double? stop, double? riskPercent, SizingMethod? method, double? winRate, double? payoff, string expectedCode)
    {
        var ex = Assert.Throws<DomainException>(() => Size(new PositionSizeRequest(
            symbol, (decimal)entry, (decimal?)stop, method, (decimal?)riskPercent, WinRate: (decimal?)winRate, PayoffRatio: (decimal?)payoff)));

        Assert.Equal(expectedCode, ex.Code);
    }
}
