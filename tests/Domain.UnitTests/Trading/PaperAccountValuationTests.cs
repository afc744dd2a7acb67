using RiskPlatform.Domain.Trading.Paper;
using RiskPlatform.Domain.Trading;
using static RiskPlatform.Domain.UnitTests.Trading.PaperTestData;

namespace RiskPlatform.Domain.UnitTests.Trading;

public sealed class PaperAccountValuationTests
{
    /// <summary>Long 10 AAPL @ 100 and short 5 TSLA @ 200 from 100,000 cash: cash = 100,000 − 1,000 + 1,000 = 100,000.</summary>
    private static PaperAccount LongAaplShortTsla()
    {
        var account = NewAccount();
        account.MarketBuy("AAPL", 10m, 100m);
        account.MarketSell("TSLA", 5m, 200m);
        return account;
    }

    [Theory]
    // AAPL mark, TSLA mark, equity, gross, net, unrealized, buying power
    [InlineData("100", "200", "100000", "2000", "0", "0", "98000")]
    [InlineData("110", "180", "100200", "2000", "200", "200", "98200")]
    [InlineData("90", "220", "99800", "2000", "-200", "-200", "97800")]
    [InlineData("120", "250", "99950", "2450", "-50", "-50", "97500")]
    public void Valuation_WithLongAndShort_FollowsTheDocumentedFormulas(
        string aaplMark, string tslaMark, string equity, string gross, string net, string unrealized, string buyingPower)
    {
        var account = LongAaplShortTsla();
        var marks = Marks(("AAPL", D(aaplMark)), ("TSLA", D(tslaMark)));

        Assert.Equal(100_000m, account.Cash);
        Assert.Equal(D(equity), account.Equity(marks));
        Assert.Equal(D(gross), account.GrossExposure(marks));
        Assert.Equal(D(net), account.NetExposure(marks));
        Assert.Equal(D(unrealized), account.UnrealizedPnl(marks));
        Assert.Equal(D(buyingPower), account.BuyingPower(marks));
    }

    [Fact]
    public void Valuation_WhenNewAccount_EquityAndBuyingPowerAreStartingCash()
    {
        var account = NewAccount(25_000m);
        var marks = Marks();

        Assert.Equal(25_000m, account.Equity(marks));
        Assert.Equal(0m, account.GrossExposure(marks));
        Assert.Equal(25_000m, account.BuyingPower(marks));
    }

    [Theory]
    [InlineData("100")]
    [InlineData("150")]
    [InlineData("50")]
    public void BuyingPower_WhenOnlyLongs_EqualsCash(string mark)
    {
        var account = NewAccount();
        account.MarketBuy("AAPL", 100m, 100m);

        Assert.Equal(90_000m, account.BuyingPower(Marks(("AAPL", D(mark)))));
        Assert.Equal(account.Cash, account.BuyingPower(Marks(("AAPL", D(mark)))));
    }

    [Theory]
    [InlineData("100", "99000")]
    [InlineData("110", "98800")]
    [InlineData("90", "99200")]
    public void BuyingPower_WhenShort_IsReducedByTwiceTheMoveAgainstTheEntry(string mark, string expected)
    {
        var account = NewAccount();
        account.MarketSell("AAPL", 10m, 100m);

        Assert.Equal(D(expected), account.BuyingPower(Marks(("AAPL", D(mark)))));
    }

    [Fact]
    public void BuyingPower_WhenExposureExceedsEquity_IsZeroNotNegative()
    {
        var account = NewAccount(1_000m);
        account.MarketBuy("AAPL", 100m, 100m);
        var marks = Marks(("AAPL", 100m));

        Assert.Equal(-9_000m, account.Cash);
        Assert.Equal(1_000m, account.Equity(marks));
        Assert.Equal(10_000m, account.GrossExposure(marks));
        Assert.Equal(0m, account.BuyingPower(marks));
    }

    [Fact]
    public void Valuation_WhenMarkMissing_UsesAverageEntryPrice()
    {
        var account = LongAaplShortTsla();
        var marks = Marks(("AAPL", 110m));

        Assert.Equal(100_000m + 1_100m - 1_000m, account.Equity(marks));
        Assert.Equal(1_100m + 1_000m, account.GrossExposure(marks));
        Assert.Equal(100m, account.UnrealizedPnl(marks));
    }

    [Fact]
    public void Valuation_WhenMarksComeFromQuotes_UsesLastOrMid()
    {
        var account = LongAaplShortTsla();
        var quotes = new[] { Quote("AAPL", 109m, 111m), Quote("TSLA", 170m, 190m, 180m) };

        var marks = quotes.ToDictionary(q => q.Symbol, q => q.MarkPrice);

        Assert.Equal(100_200m, account.Equity(marks));
    }

    [Fact]
    public void Snapshot_MatchesTheAccessorsAndValuesEachPosition()
    {
        var account = LongAaplShortTsla();
        account.Limit("MSFT", OrderSide.Buy, 1m, 10m);
        var marks = Marks(("TSLA", 180m), ("AAPL", 110m));

        var snapshot = account.Snapshot(marks);

        Assert.Equal(account.Id, snapshot.AccountId);
        Assert.Equal(account.UserId, snapshot.UserId);
        Assert.Equal(100_000m, snapshot.StartingCash);
        Assert.Equal(100_000m, snapshot.Cash);
        Assert.Equal(1_100m, snapshot.LongMarketValue);
        Assert.Equal(-900m, snapshot.ShortMarketValue);
        Assert.Equal(account.GrossExposure(marks), snapshot.GrossExposure);
        Assert.Equal(account.NetExposure(marks), snapshot.NetExposure);
        Assert.Equal(account.Equity(marks), snapshot.Equity);
        Assert.Equal(account.UnrealizedPnl(marks), snapshot.UnrealizedPnl);
        Assert.Equal(account.BuyingPower(marks), snapshot.BuyingPower);
        Assert.Equal(0m, snapshot.RealizedPnl);
        Assert.Equal(1, snapshot.OpenOrderCount);
        Assert.Equal(["AAPL", "TSLA"], snapshot.Positions.Select(p => p.Symbol));
        var tsla = snapshot.Positions[1];
        Assert.Equal(account.FindPosition("TSLA")!.Id, tsla.PositionId);
        Assert.Equal((-5m, 200m, 180m, false), (tsla.Quantity, tsla.AverageEntryPrice, tsla.MarkPrice, tsla.IsMarkFallback));
        Assert.Equal((-1_000m, -900m, 100m, 0m), (tsla.CostBasis, tsla.MarketValue, tsla.UnrealizedPnl, tsla.RealizedPnl));
        Assert.Equal(T0, tsla.OpenedAt);
    }

    [Fact]
    public void Snapshot_WhenMarkMissing_FlagsTheFallback()
    {
        var account = LongAaplShortTsla();

        var snapshot = account.Snapshot(Marks(("AAPL", 101m)));

        Assert.Equal([false, true], snapshot.Positions.Select(p => p.IsMarkFallback));
        Assert.Equal(200m, snapshot.Positions[1].MarkPrice);
    }

    [Fact]
    public void Equity_AfterRoundTrip_EqualsStartingCashPlusRealizedPnl()
    {
        var account = NewAccount();
        account.MarketBuy("AAPL", 3.5m, 100.25m);
        account.MarketBuy("AAPL", 1.25m, 99.75m);
        account.MarketSell("AAPL", 10m, 101m);
        account.MarketBuy("AAPL", 5.25m, 98.5m);

        Assert.Empty(account.Positions);
        Assert.Equal(account.StartingCash + account.RealizedPnl, account.Cash);
        Assert.Equal(account.Cash, account.Equity(Marks()));
    }

    [Fact]
    public void Equity_AfterEveryFill_EqualsStartingCashPlusRealizedPlusUnrealizedExactly()
    {
        var account = NewAccount();
        var trades = new (OrderSide Side, decimal Quantity, decimal Price)[]
        {
            (OrderSide.Buy, 3m, 100.01m),
            (OrderSide.Buy, 7m, 99.97m),
            (OrderSide.Sell, 1.5m, 101.13m),
            (OrderSide.Buy, 0.33333333m, 100.5m),
            (OrderSide.Sell, 2.25m, 98.77m),
            (OrderSide.Sell, 12m, 102.03m),
            (OrderSide.Sell, 0.1m, 101m),
            (OrderSide.Buy, 1.00000001m, 97.31m),
            (OrderSide.Buy, 5m, 96.12345678m),
        };

        foreach (var (side, quantity, price) in trades)
        {
            account.PlaceOrder("AAPL", side, quantity, OrderType.Market, null, TimeInForce.Day, null, Price("AAPL", price), T0);
            var marks = Marks(("AAPL", 100.07m));

            Assert.Equal(account.StartingCash + account.RealizedPnl + account.UnrealizedPnl(marks), account.Equity(marks));
        }

        var position = Assert.Single(account.Positions);
        Assert.Equal(
            Math.Round(position.CostBasis / position.Quantity, 8, MidpointRounding.AwayFromZero),
            position.AverageEntryPrice);
    }

    [Fact]
    public void Cash_WhenPositionClosedAfterPartialClosesAtARoundedAverage_ReturnsExactlyTheRealizedPnl()
    {
        var account = NewAccount();
        account.MarketBuy("AAPL", 1m, 100m);
        account.MarketBuy("AAPL", 2m, 100.01m);
        Assert.Equal(100.00666667m, account.FindPosition("AAPL")!.AverageEntryPrice);

        account.MarketSell("AAPL", 1m, 101m);
        account.MarketSell("AAPL", 1m, 102m);
        account.MarketSell("AAPL", 1m, 103m);

        Assert.Empty(account.Positions);
        Assert.Equal(100_000m - 300.02m + 306m, account.Cash);
        Assert.Equal(5.98m, account.RealizedPnl);
        Assert.Equal(account.StartingCash + account.RealizedPnl, account.Cash);
    }
}
