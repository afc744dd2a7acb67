using RiskPlatform.Domain.Common;

namespace RiskPlatform.Domain.MarketData.Reference;

/// <summary>
/// Reference data of one symbol: sector, industry, asset class and exchange, as the operator's files or the broker give them
/// (never invented). Each field is optional; a symbol without a sector counts as <see cref="Unclassified"/> in sector
/// exposure. One row per symbol (upper-case, see <see cref="TradingSymbol"/>).
/// </summary>
public sealed class SymbolReference : AggregateRoot
{
    /// <summary>The sector bucket of symbols that have no sector.</summary>
    public const string Unclassified = "unclassified";

    public const int MaxFieldLength = 64;

    private SymbolReference()
    {
    }

    public string Symbol { get; private set; } = string.Empty;

    public string? Sector { get; private set; }

    public string? Industry { get; private set; }

    public string? AssetClass { get; private set; }

    public string? Exchange { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    /// <exception cref="DomainException">Invalid symbol, or a field longer than <see cref="MaxFieldLength"/>.</exception>
    public static SymbolReference Create(string symbol, SymbolReferenceFields fields, DateTime now)
    {
        var reference = new SymbolReference { Symbol = TradingSymbol.Normalize(symbol) };
        reference.Replace(fields, now);
        return reference;
    }

    /// <summary>The sector a symbol's exposure counts in: its sector, or <see cref="Unclassified"/>.</summary>
    public static string SectorBucketOf(string? sector) => string.IsNullOrWhiteSpace(sector) ? Unclassified : sector.Trim();

    /// <summary>Replaces every field (blank → none). On failure nothing changes.</summary>
    public void Replace(SymbolReferenceFields fields, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var sector = Clean(nameof(Sector), fields.Sector);
        var industry = Clean(nameof(Industry), fields.Industry);
        var assetClass = Clean(nameof(AssetClass), fields.AssetClass);
        var exchange = Clean(nameof(Exchange), fields.Exchange);
        (Sector, Industry, AssetClass, Exchange, UpdatedAt) = (sector, industry, assetClass, exchange, now);
    }

    private static string? Clean(string name, string? value)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        if (trimmed.Length > MaxFieldLength || trimmed.Any(char.IsControl))
        {
            throw new DomainException(
                MarketDataErrors.InvalidReferenceField,
                $"{name} must be at most {MaxFieldLength} printable characters.");
        }

        return trimmed;
    }
}
