namespace RiskPlatform.Application.Backtesting.Common;

/// <summary>
/// Reads an uploaded CSV of backtest orders: a header naming date, symbol, side and qty (type, limit_price and strategy_id
/// optional; any order and case), then one order per row. Rows that cannot be read come back with their line numbers.
/// </summary>
public interface IBacktestOrderCsvReader
{
    /// <exception cref="FormatException">The header lacks a required column (nothing can be read).</exception>
    BacktestCsvOrders Read(TextReader text);
}

/// <summary>The orders read, in file order, and the rows that could not be read.</summary>
public sealed record BacktestCsvOrders(IReadOnlyList<BacktestOrderRequest> Orders, IReadOnlyList<BacktestCsvError> Errors);

/// <summary>A row that could not be read: its line number (the header is line 1) and why.</summary>
public sealed record BacktestCsvError(long Line, string Message);
