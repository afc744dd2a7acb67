namespace RiskPlatform.Infrastructure.MarketData;

/// <summary>One data row of an import file: its line number (1 = the header) and either the parsed value or why it was rejected.</summary>
public sealed record CsvImportRow<T>(long Line, T? Value, string? Error)
    where T : class;
