using nietras.SeparatedValues;
using RiskPlatform.Application.MarketData.Commands.SetSymbolReference;
using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.MarketData.Reference;

namespace RiskPlatform.Infrastructure.MarketData;

/// <summary>
/// Reads an operator's symbol file (Sep): a header with the column symbol and any of sector, industry, asset_class, exchange
/// (any order and case; a missing or blank one clears that field), then one symbol per row. A bad row comes back with its
/// line number and the reason.
/// </summary>
public static class SymbolReferenceCsvReader
{
    private static readonly string[] Known = ["symbol", "sector", "industry", "asset_class", "exchange"];

    /// <exception cref="FormatException">The header lacks the symbol column.</exception>
    public static IEnumerable<CsvImportRow<SetSymbolReferenceCommand>> Read(TextReader text)
    {
        using var reader = CsvImportFormat.Open(text);
        var columns = CsvImportFormat.Columns(reader, Known, ["symbol"]);
        while (reader.MoveNext())
        {
            yield return Parse(reader.Current, columns);
        }
    }

    private static CsvImportRow<SetSymbolReferenceCommand> Parse(SepReader.Row row, IReadOnlyDictionary<string, int> columns)
    {
        try
        {
            var fields = new SymbolReferenceFields(
                CsvImportFormat.Field(row, columns, "sector"),
                CsvImportFormat.Field(row, columns, "industry"),
                CsvImportFormat.Field(row, columns, "asset_class"),
                CsvImportFormat.Field(row, columns, "exchange"));
            var reference = SymbolReference.Create(CsvImportFormat.Field(row, columns, "symbol") ?? string.Empty, fields, DateTime.UnixEpoch);
            return new(row.LineNumberFrom, new SetSymbolReferenceCommand(
                reference.Symbol, reference.Sector, reference.Industry, reference.AssetClass, reference.Exchange), null);
        }
        catch (DomainException exception)
        {
            return new(row.LineNumberFrom, null, exception.Message);
        }
    }
}
