using nietras.SeparatedValues;
using RiskPlatform.Application.Backtesting.Common;
using RiskPlatform.Domain.Trading;
using RiskPlatform.Infrastructure.MarketData;

namespace RiskPlatform.Infrastructure.Backtesting;

/// <summary>
/// The uploaded CSV of a backtest's orders, read with Sep like the operator's imports: columns date (yyyy-MM-dd), symbol, side
/// (buy or sell), qty, and optionally type (market or limit, default market), limit_price and strategy_id. The values are only
/// parsed here; the request validator judges them like a JSON request's (naming <c>orders[i].field</c>).
/// </summary>
internal sealed class BacktestOrderCsvReader : IBacktestOrderCsvReader
{
    private static readonly string[] Required = ["date", "symbol", "side", "qty"];
    private static readonly string[] Known = ["date", "symbol", "side", "qty", "type", "limit_price", "strategy_id"];

    public BacktestCsvOrders Read(TextReader text)
    {
        using var reader = CsvImportFormat.Open(text);
        var columns = CsvImportFormat.Columns(reader, Known, Required);
        var orders = new List<BacktestOrderRequest>();
        var errors = new List<BacktestCsvError>();
        while (reader.MoveNext())
        {
            var row = reader.Current;
            try
            {
                orders.Add(Parse(row, columns));
            }
            catch (FormatException exception)
            {
                errors.Add(new BacktestCsvError(row.LineNumberFrom, exception.Message));
            }
        }

        return new BacktestCsvOrders(orders, errors);
    }

    private static BacktestOrderRequest Parse(SepReader.Row row, IReadOnlyDictionary<string, int> columns)
    {
        var date = CsvImportFormat.ParseDate(CsvImportFormat.Field(row, columns, "date"), "date");
        var symbol = CsvImportFormat.Field(row, columns, "symbol");
        var side = CsvImportFormat.Field(row, columns, "side")?.ToLowerInvariant() switch
        {
            "buy" => OrderSide.Buy,
            "sell" => OrderSide.Sell,
            var other => throw new FormatException($"side '{other}' is not buy or sell."),
        };
        var qty = CsvImportFormat.ParseDecimal(CsvImportFormat.Field(row, columns, "qty"), "qty");
        var type = Blank(CsvImportFormat.Field(row, columns, "type"))?.ToLowerInvariant() switch
        {
            null or "market" => OrderType.Market,
            "limit" => OrderType.Limit,
            var other => throw new FormatException($"type '{other}' is not market or limit."),
        };
        var limit = Blank(CsvImportFormat.Field(row, columns, "limit_price")) is { } l ? CsvImportFormat.ParseDecimal(l, "limit_price") : (decimal?)null;
        var strategy = Blank(CsvImportFormat.Field(row, columns, "strategy_id")) is { } s
            ? Guid.TryParse(s, out var id) ? id : throw new FormatException($"strategy_id '{s}' is not a UUID.")
            : (Guid?)null;
        return new BacktestOrderRequest(date, symbol, side, qty, type, limit, strategy);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
