using System.Collections.ObjectModel;
using System.Globalization;
using RiskPlatform.Domain.RiskRules;
using RiskPlatform.Domain.RiskRules.Engine;

namespace RiskPlatform.Domain.UnitTests.RiskRules;

/// <summary>
/// Property tests: over many seeded random portfolios and rule sets (every rule type, unit, action and scope; inactive and
/// pre-trade-only rules; flat, short, fractional, tiny and huge positions; zero or negative equity and entry prices) and
/// positions placed exactly at, just above and just below each rule's threshold and exit level, <see cref="RiskEngine.EvaluatePortfolio"/>
/// gives exactly the observations of <see cref="PortfolioEvaluationReference"/> (same rule, symbol, observed value to the
/// last digit and scale, limit, breach flag and reason, in the same order), filtered at the monitor's exit level or unfiltered.
/// </summary>
public sealed class EvaluatePortfolioEquivalenceTests
{
    private static readonly decimal?[] MinUtilisations = [null, 0.95m, 1m, 0.9m, 0.5m, 0m, 0.999m];

    private static readonly string[] SymbolPool =
        ["AAPL", "MSFT", "GOOG", "TSLA", "NVDA", "AMZN", "META", "AMD", "BRK.B", "SPY", "QQQ", "IWM", "S001", "S002", "S010", "S011"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void EvaluatePortfolio_RandomPortfoliosAndRules_MatchesReference(int seedBlock)
    {
        const int scenariosPerBlock = 400;
        for (var i = 0; i < scenariosPerBlock; i++)
        {
            var seed = (seedBlock * 100_000) + i;
            var random = new Random(seed);
            var (snapshot, rules) = RandomScenario(random);
            foreach (var min in MinUtilisations)
            {
                AssertSameAsReference(snapshot, rules, min, $"seed {seed}, minUtilisation {min?.ToString(CultureInfo.InvariantCulture) ?? "null"}");
            }
        }
    }

    [Fact]
    public void EvaluatePortfolio_ReusedBufferAndNonListPositions_MatchesReference()
    {
        var buffer = new List<PortfolioRuleObservation>();
        for (var seed = 0; seed < 200; seed++)
        {
            var random = new Random(seed);
            var (snapshot, rules) = RandomScenario(random);
            var wrapped = new PortfolioSnapshot
            {
                Equity = snapshot.Equity,
                Cash = snapshot.Cash,
                BuyingPower = snapshot.BuyingPower,
                DayStartEquity = snapshot.DayStartEquity,
                EquityHighWaterMark = snapshot.EquityHighWaterMark,
                Positions = new ReadOnlyCollection<PositionSnapshot>([.. snapshot.Positions]),
                Now = snapshot.Now,
                MaxQuoteAge = snapshot.MaxQuoteAge,
            };

            var expected = PortfolioEvaluationReference.Evaluate(wrapped, rules, 0.95m);
            var actual = RiskEngine.EvaluatePortfolio(wrapped, rules, buffer, 0.95m);

            Assert.Same(buffer, actual);
            Assert.Equal(Describe(expected), Describe(actual));
        }
    }

    [Fact]
    public void EvaluatePortfolio_ScopedRuleWithCaseAndNonAsciiSymbols_MatchesReference()
    {
        // Scope is ordinal and case-insensitive, non-ASCII letters included; the screen must not change which positions are in scope.
        var rule = RiskRule.Create(
            Guid.CreateVersion7(), "scoped", null, RiskRuleType.MaxConcentration, 0.01m, ThresholdUnit.Percent, RiskAction.Alert,
            symbols: ["AAPL", "ÉTÉ", "BRK.B", "Σ1", "ǅX"]);
        PositionSnapshot[] positions =
        [
            new("aapl", 10, 100m, 100m), new("AAPM", 10, 100m, 100m), new("AAP", 10, 100m, 100m), new("été", 10, 100m, 100m),
            new("ÉTé", 10, 100m, 100m), new("brk.b", 10, 100m, 100m), new("BRK.b", -10, 100m, 100m), new("σ1", 10, 100m, 100m),
            new("ǆx", 10, 100m, 100m), new("ǆX", 10, 100m, 100m), new("", 10, 100m, 100m), new("MSFT", 10, 100m, 100m),
        ];
        var snapshot = new PortfolioSnapshot
        {
            Equity = 100_000m,
            Cash = 100_000m,
            BuyingPower = 100_000m,
            DayStartEquity = 100_000m,
            EquityHighWaterMark = 100_000m,
            Positions = positions,
            Now = new DateTime(2026, 3, 3, 15, 30, 0, DateTimeKind.Utc),
            MaxQuoteAge = TimeSpan.FromSeconds(5),
        };

        var expected = Describe(PortfolioEvaluationReference.Evaluate(snapshot, [rule], 0.95m));

        Assert.Equal(8, expected.Count);
        Assert.Equal(expected, Describe(RiskEngine.EvaluatePortfolio(snapshot, [rule], null, 0.95m)));
        Assert.Equal(Describe(PortfolioEvaluationReference.Evaluate(snapshot, [rule], null)), Describe(RiskEngine.EvaluatePortfolio(snapshot, [rule])));
    }

    [Fact]
    public void RandomScenario_CoversEveryMonitoredRuleAndBoundary()
    {
        // Guards the generator itself: the scenarios must produce breaches and non-breaches of every monitored type, values exactly
        // at a threshold, and values exactly at the exit level, or the equivalence above would prove little.
        var breached = new HashSet<(RiskRuleType, ThresholdUnit)>();
        var passed = new HashSet<(RiskRuleType, ThresholdUnit)>();
        var atThreshold = new HashSet<RiskRuleType>();
        var atExitLevel = new HashSet<RiskRuleType>();
        for (var seed = 0; seed < 400; seed++)
        {
            var (snapshot, rules) = RandomScenario(new Random(seed));
            foreach (var o in PortfolioEvaluationReference.Evaluate(snapshot, rules, null))
            {
                var key = (o.Rule.RuleType, o.Rule.ThresholdUnit);
                (o.IsBreached ? breached : passed).Add(key);
                if (o.Observed == o.Limit)
                {
                    atThreshold.Add(o.Rule.RuleType);
                }

                if (o.Observed == o.Limit * 0.95m)
                {
                    atExitLevel.Add(o.Rule.RuleType);
                }
            }
        }

        (RiskRuleType, ThresholdUnit)[] monitored =
        [
            (RiskRuleType.MaxPositionSize, ThresholdUnit.Shares), (RiskRuleType.MaxPositionSize, ThresholdUnit.Dollars),
            (RiskRuleType.MaxPositionSize, ThresholdUnit.Percent), (RiskRuleType.MaxConcentration, ThresholdUnit.Percent),
            (RiskRuleType.StopLoss, ThresholdUnit.Percent), (RiskRuleType.TakeProfit, ThresholdUnit.Percent),
            (RiskRuleType.MaxDailyLoss, ThresholdUnit.Dollars), (RiskRuleType.MaxDailyLoss, ThresholdUnit.Percent),
            (RiskRuleType.MaxDrawdown, ThresholdUnit.Dollars), (RiskRuleType.MaxDrawdown, ThresholdUnit.Percent),
            (RiskRuleType.MaxLeverage, ThresholdUnit.Ratio),
        ];
        Assert.All(monitored, key => Assert.Contains(key, breached));
        Assert.All(monitored, key => Assert.Contains(key, passed));
        RiskRuleType[] perSymbol = [RiskRuleType.MaxPositionSize, RiskRuleType.MaxConcentration, RiskRuleType.StopLoss, RiskRuleType.TakeProfit];
        Assert.All(perSymbol, type => Assert.Contains(type, atThreshold));
        Assert.All(perSymbol, type => Assert.Contains(type, atExitLevel));
    }

    private static void AssertSameAsReference(PortfolioSnapshot snapshot, IReadOnlyList<RiskRule> rules, decimal? min, string context)
    {
        var expected = Describe(PortfolioEvaluationReference.Evaluate(snapshot, rules, min));
        var actual = Describe(RiskEngine.EvaluatePortfolio(snapshot, rules, null, min));
        if (!expected.SequenceEqual(actual))
        {
            Assert.Fail($"{context}:\nexpected\n  {string.Join("\n  ", expected)}\nactual\n  {string.Join("\n  ", actual)}");
        }
    }

    /// <summary>Everything an observation carries, with decimals as their raw bits (value and scale).</summary>
    private static List<string> Describe(IReadOnlyList<PortfolioRuleObservation> observations) =>
        observations.Select(o => string.Join(
            '|',
            o.Rule.Id,
            o.Symbol ?? "-",
            Bits(o.Observed),
            Bits(o.Limit),
            o.IsBreached,
            o.Reason ?? "-")).ToList();

    private static string Bits(decimal value) =>
        $"{value.ToString(CultureInfo.InvariantCulture)}[{string.Join(',', decimal.GetBits(value))}]";

    private static (PortfolioSnapshot Snapshot, IReadOnlyList<RiskRule> Rules) RandomScenario(Random random)
    {
        var equity = random.Next(20) switch
        {
            0 => 0m,
            1 => -RandomAmount(random, 1_000m, 100_000m),
            2 => RandomAmount(random, 0.01m, 10m),
            3 => RandomAmount(random, 1_000_000_000m, 100_000_000_000m),
            _ => RandomAmount(random, 10_000m, 2_000_000m),
        };
        var dayStart = random.Next(6) == 0 ? 0m : equity + RandomAmount(random, -50_000m, 50_000m);
        var highWaterMark = random.Next(6) == 0 ? 0m : Math.Max(equity, dayStart) + RandomAmount(random, 0m, 80_000m);

        var rules = new List<RiskRule>();
        var ruleCount = random.Next(0, 26);
        for (var i = 0; i < ruleCount; i++)
        {
            rules.Add(RandomRule(random));
        }

        var positions = new List<PositionSnapshot>();
        var positionCount = random.Next(0, 61);
        var perSymbolRules = rules.Where(r => r.RuleType is RiskRuleType.MaxPositionSize or RiskRuleType.MaxConcentration
            or RiskRuleType.StopLoss or RiskRuleType.TakeProfit).ToList();
        for (var i = 0; i < positionCount; i++)
        {
            var symbol = random.Next(3) == 0 ? SymbolPool[random.Next(SymbolPool.Length)] : $"X{random.Next(1000):D3}";
            if (random.Next(8) == 0)
            {
                symbol = symbol.ToLowerInvariant();
            }

            positions.Add(perSymbolRules.Count > 0 && random.Next(3) == 0
                ? AtBoundary(random, symbol, perSymbolRules[random.Next(perSymbolRules.Count)], equity)
                : RandomPosition(random, symbol));
        }

        var snapshot = new PortfolioSnapshot
        {
            Equity = equity,
            Cash = equity,
            BuyingPower = Math.Max(0m, equity),
            DayStartEquity = dayStart,
            EquityHighWaterMark = highWaterMark,
            Positions = positions,
            Now = new DateTime(2026, 3, 3, 15, 30, 0, DateTimeKind.Utc),
            MaxQuoteAge = TimeSpan.FromSeconds(5),
        };
        return (snapshot, rules);
    }

    private static RiskRule RandomRule(Random random)
    {
        // The reference models the rules measured from the account alone; max_correlation and sector_limit, measured from the
        // snapshot's market data, have their own tests (HistoryRuleTests).
        var types = RiskRuleCatalog.SupportedTypes.Where(t => t is not (RiskRuleType.MaxCorrelation or RiskRuleType.SectorLimit)).ToList();
        var type = types[random.Next(types.Count)];
        var units = RiskRuleCatalog.AllowedUnits(type);
        var unit = units[random.Next(units.Count)];
        var actions = RiskRuleCatalog.AllowedActions(type);
        var action = actions[random.Next(actions.Count)];
        var threshold = unit switch
        {
            ThresholdUnit.Percent when random.Next(10) == 0 => 0.0000001m * random.Next(1, 1_000), // tiny: the screen's margins matter
            ThresholdUnit.Percent when type == RiskRuleType.TakeProfit => RandomAmount(random, 0.01m, 300m),
            ThresholdUnit.Percent => random.Next(10) == 0 ? 100m : RandomAmount(random, 0.01m, 100m),
            ThresholdUnit.Dollars => RandomAmount(random, 1m, 1_000_000m),
            ThresholdUnit.Shares => random.Next(2) == 0 ? random.Next(1, 5_000) : RandomAmount(random, 0.01m, 5_000m),
            ThresholdUnit.Ratio => RandomAmount(random, 0.1m, 5m),
            _ => random.Next(1, 100),
        };
        threshold = Math.Max(threshold, 0.0000001m);

        string[]? symbols = null;
        if (RiskRuleCatalog.RequiresSymbols(type) || random.Next(4) == 0)
        {
            symbols = Enumerable.Range(0, random.Next(1, 4)).Select(_ => SymbolPool[random.Next(SymbolPool.Length)]).Distinct().ToArray();
        }

        return RiskRule.Create(
            Guid.CreateVersion7(),
            $"{type} {threshold}",
            null,
            type,
            threshold,
            unit,
            action,
            isActive: random.Next(8) != 0,
            strategyId: random.Next(5) == 0 ? Guid.CreateVersion7() : null,
            symbols: symbols,
            windowSeconds: RiskRuleCatalog.RequiresWindowSeconds(type) ? 60 : null);
    }

    private static PositionSnapshot RandomPosition(Random random, string symbol)
    {
        var quantity = random.Next(12) switch
        {
            0 => 0m,
            1 => RandomAmount(random, 0.000001m, 1m),
            2 => RandomAmount(random, 100_000m, 10_000_000m),
            _ => random.Next(1, 5_000),
        };
        if (random.Next(4) == 0)
        {
            quantity = -quantity;
        }

        var price = random.Next(15) switch
        {
            0 => 0m,
            1 => RandomAmount(random, 0.0001m, 0.01m),
            2 => RandomAmount(random, 10_000m, 500_000m),
            _ => RandomAmount(random, 1m, 1_000m),
        };
        var entry = random.Next(15) switch
        {
            0 => 0m,
            1 => -RandomAmount(random, 1m, 10m),
            2 => price,
            _ => decimal.Round(price * (1m + RandomAmount(random, -0.4m, 0.4m)), 4),
        };
        return new PositionSnapshot(symbol, quantity, entry, price);
    }

    /// <summary>
    /// A position whose measure for <paramref name="rule"/> is exactly at its threshold or at an exit level (× 0.95, 0.9, 0.5,
    /// 0.999), optionally nudged by the smallest steps that still fit a decimal, so both sides of every comparison are exercised.
    /// </summary>
    private static PositionSnapshot AtBoundary(Random random, string symbol, RiskRule rule, decimal equity)
    {
        decimal[] fractions = [1m, 0.95m, 0.9m, 0.5m, 0.999m];
        var level = rule.ThresholdValue * fractions[random.Next(fractions.Length)];
        decimal[] nudges = [0m, 0m, 0m, 0.0000000001m, -0.0000000001m, 0.0000000000000000000001m, -0.0000000000000000000001m, 0.01m, -0.01m];
        var nudge = nudges[random.Next(nudges.Length)];
        var sign = random.Next(3) == 0 ? -1m : 1m;
        switch (rule.RuleType)
        {
            case RiskRuleType.MaxPositionSize when rule.ThresholdUnit == ThresholdUnit.Shares:
                return new PositionSnapshot(symbol, sign * (level + nudge), 50m, 50m);
            case RiskRuleType.MaxPositionSize when rule.ThresholdUnit == ThresholdUnit.Dollars:
                var shares = random.Next(1, 4) * 2m; // 2, 4, 6: the price is exact for 2 and 4
                return new PositionSnapshot(symbol, sign * shares, 10m, (level / shares) + nudge);
            case RiskRuleType.MaxPositionSize or RiskRuleType.MaxConcentration:
                // |quantity| × price × 100 = level × equity.
                return new PositionSnapshot(symbol, sign, 10m, (level * equity / 100m) + nudge);
            default:
                var entry = random.Next(3) switch
                {
                    0 => 100m,
                    1 => RandomAmount(random, 1_000_000m, 100_000_000m), // a tiny move on a large price: the subtraction cancels
                    _ => RandomAmount(random, 1m, 1_000m),
                };
                var move = (level * entry / 100m) + nudge;
                var up = (rule.RuleType == RiskRuleType.TakeProfit) == (sign > 0);
                return new PositionSnapshot(symbol, sign * random.Next(1, 500), entry, up ? entry + move : entry - move);
        }
    }

    /// <summary>A decimal in [min, max) with two to six decimals.</summary>
    private static decimal RandomAmount(Random random, decimal min, decimal max)
    {
        var value = min + ((max - min) * (decimal)random.NextDouble());
        return decimal.Round(value, random.Next(2, 7));
    }
}
