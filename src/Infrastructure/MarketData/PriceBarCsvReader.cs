using nietras.SeparatedValues;
using RiskPlatform.Application.MarketData.Commands.ImportPriceBars;
using RiskPlatform.Application.MarketData.Common;
using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.MarketData.History;

namespace RiskPlatform.Infrastructure.MarketData;

/// <summary>
/// Reads an operator's daily-bar file (Sep): a header naming the columns symbol, date, open, high, low, close, volume (any
/// order, any case, other columns ignored), then one bar per row; dates <c>yyyy-MM-dd</c>, numbers with a point. Each row is
/// parsed and checked like a stored bar (<see cref="PriceBar.Create"/>); a bad row comes back with its line number and the
/// reason, and the rows after it are still read.
/// </summary>
public static class PriceBarCsvReader
{
    public static readonly IReadOnlyList<string> Columns = ["symbol", "date", "open", "high", "low", "close", "volume"];

    /// <exception cref="FormatException">The header lacks a required column (nothing can be read).</exception>
    public static IEnumerable<CsvImportRow<PriceBarInput>> Read(TextReader text)
    {
        using var reader = CsvImportFormat.Open(text);
        var columns = CsvImportFormat.Columns(reader, Columns, Columns);
        while (reader.MoveNext())
        {
            yield return Parse(reader.Current, columns);
        }
    }

    private static CsvImportRow<PriceBarInput> Parse(SepReader.Row row, IReadOnlyDictionary<string, int> columns)
    {
        var line = row.LineNumberFrom;
        try
        {
            var symbol = CsvImportFormat.Field(row, columns, "symbol") ?? string.Empty;
            var date = CsvImportFormat.ParseDate(CsvImportFormat.Field(row, columns, "date"), "date");
            var open = CsvImportFormat.ParseDecimal(CsvImportFormat.Field(row, columns, "open"), "open");
            var high = CsvImportFormat.ParseDecimal(CsvImportFormat.Field(row, columns, "high"), "high");
            var low = CsvImportFormat.ParseDecimal(CsvImportFormat.Field(row, columns, "low"), "low");
            var close = CsvImportFormat.ParseDecimal(CsvImportFormat.Field(row, columns, "close"), "close");
            var volume = CsvImportFormat.ParseDecimal(CsvImportFormat.Field(row, columns, "volume"), "volume");
            foreach (var (name, price) in new[] { ("open", open), ("high", high), ("low", low), ("close", close) })
            {
                if (!PriceBarInputRules.IsValidPrice(price))
                {
                    return new(line, null, PriceBarInputRules.PriceMessage(name));
                }
            }

            if (!PriceBarInputRules.IsValidDate(date))
            {
                return new(line, null, $"date {date:yyyy-MM-dd} is out of range.");
            }

            var bar = PriceBar.Create(symbol, date, open, high, low, close, volume);
            return new(line, new PriceBarInput(bar.Symbol, bar.Date, bar.Open, bar.High, bar.Low, bar.Close, bar.Volume), null);
        }
        catch (Exception exception) when (exception is FormatException or DomainException)
        {
            return new(line, null, exception.Message);
        }
    }
}
