using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.MarketData.Reference;

namespace RiskPlatform.Domain.UnitTests.MarketData;

public sealed class SymbolReferenceTests
{
    private static readonly DateTime Now = new(2026, 1, 2, 15, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Create_TrimsFields_AndBlankMeansNone()
    {
        var reference = SymbolReference.Create("xom", new(" Energy ", "  ", null, "NYSE"), Now);

        Assert.Equal(("XOM", "Energy", null, null, "NYSE"), (reference.Symbol, reference.Sector, reference.Industry, reference.AssetClass, reference.Exchange));
    }

    [Fact]
    public void Replace_WithAFieldTooLong_ThrowsAndChangesNothing()
    {
        var reference = SymbolReference.Create("XOM", new("Energy", null, null, null), Now);

        var error = Assert.Throws<DomainException>(() => reference.Replace(new(new string('x', 65), null, null, null), Now.AddDays(1)));

        Assert.Equal("symbol_reference_field_invalid", error.Code);
        Assert.Equal(("Energy", Now), (reference.Sector, reference.UpdatedAt));
    }

    [Theory]
    [InlineData(null, "unclassified")]
    [InlineData(" ", "unclassified")]
    [InlineData("Energy", "Energy")]
    public void SectorBucketOf_WithoutASector_IsUnclassified(string? sector, string expected) =>
        Assert.Equal(expected, SymbolReference.SectorBucketOf(sector));
}
