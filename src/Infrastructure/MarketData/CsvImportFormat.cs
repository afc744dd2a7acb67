using System.Globalization;
using nietras.SeparatedValues;

namespace RiskPlatform.Infrastructure.MarketData;

/// <summary>What the operator's import files share: comma-separated (Sep) with a header, quotes allowed, invariant numbers, ISO dates.</summary>
internal static class CsvImportFormat
{
    public static SepReader Open(TextReader text) =>
        Sep.New(',').Reader(o => o with
        {
            HasHeader = true,
            Unescape = true,
            Trim = SepTrim.All,
            DisableColCountCheck = true,
            CultureInfo = CultureInfo.InvariantCulture,
        }).From(text);

    /// <summary>Maps each known column name of the header (case-insensitive) to its index.</summary>
    /// <exception cref="FormatException">A required column is missing.</exception>
    public static IReadOnlyDictionary<string, int> Columns(SepReader reader, IReadOnlyList<string> known, IReadOnlyList<string> required)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = reader.Header.ColNames;
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i].Trim().Trim('"').ToLowerInvariant();
            if (known.Contains(name) && !columns.ContainsKey(name))
            {
                columns[name] = i;
            }
        }

        var missing = required.Where(c => !columns.ContainsKey(c)).ToList();
        return missing.Count == 0
            ? columns
            : throw new FormatException($"Line 1: the header must name the column(s) {string.Join(", ", missing)}.");
    }

    /// <summary>A column's text, or null when the row is too short to have it.</summary>
    public static string? Field(SepReader.Row row, IReadOnlyDictionary<string, int> columns, string name) =>
        columns.TryGetValue(name, out var index) && index < row.ColCount ? row[index].ToString() : null;

    public static DateOnly ParseDate(string? value, string column) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new FormatException($"{column} '{value}' is not a date (yyyy-MM-dd).");

    public static decimal ParseDecimal(string? value, string column) =>
        decimal.TryParse(value, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new FormatException($"{column} '{value}' is not a number.");
}
