using System.Reflection;
using System.Text.RegularExpressions;
using RiskPlatform.Domain.MarketData;
using RiskPlatform.Domain.Trading.Paper;

namespace RiskPlatform.Domain.UnitTests.Trading;

public sealed partial class PaperTradingErrorsTests
{
    [Fact]
    public void ErrorCodes_AreDistinctLowercaseSnakeCase()
    {
        var codes = new[] { typeof(PaperTradingErrors), typeof(MarketDataErrors) }
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();

        Assert.True(codes.Count >= 18);
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.All(codes, code => Assert.Matches(SnakeCase(), code));
    }

    [GeneratedRegex("^[a-z]+(_[a-z]+)*$")]
    private static partial Regex SnakeCase();
}
