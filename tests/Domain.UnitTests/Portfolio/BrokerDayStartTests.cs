
namespace RiskPlatform.Domain.UnitTests.Portfolio;

public sealed class BrokerDayStartTests
{
    [Theory]
    [InlineData(99_500, true, 99_500)]
    [InlineData(100_000, false, 100_000)]
    [InlineData(0, false, 100_000)]
    [InlineData(-1, false, 100_000)]
    public void AdoptBrokerDayStartEquity_TakesAPositiveBrokerValue(decimal brokerDayStart, bool changed, decimal expected)
    {
        var state = PortfolioTestData.State(100_000m);

        Assert.Equal(changed, state.AdoptBrokerDayStartEquity(brokerDayStart));
        Assert.Equal(expected, state.DayStartEquity);
    }

    [Fact]
    public void AdoptBrokerDayStartEquity_MakesTheDailyPnlEquityMinusTheBrokersDayStart()
    {
        var state = PortfolioTestData.State(100_000m);
        state.Mark(101_000m, PortfolioTestData.Now.AddMinutes(5));

        state.AdoptBrokerDayStartEquity(99_500m);

        Assert.Equal(101_000m - 99_500m, state.LastEquity - state.DayStartEquity);
    }
}
