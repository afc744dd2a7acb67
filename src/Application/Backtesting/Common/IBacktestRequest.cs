using RiskPlatform.Application.Trading.Queries.TestRiskRules;

namespace RiskPlatform.Application.Backtesting.Common;

/// <summary>
/// The fields of a backtest request, shared by the request run at once (<c>RunBacktestQuery</c>) and the one submitted as a job
/// (<c>SubmitBacktestCommand</c>), and validated by <see cref="BacktestRequestValidator"/>.
/// </summary>
public interface IBacktestRequest
{
    IReadOnlyList<BacktestOrderRequest>? Orders { get; }

    decimal? StartingCash { get; }

    DateOnly? From { get; }

    DateOnly? To { get; }

    IReadOnlyList<DraftRiskRule>? Rules { get; }
}

/// <summary>The range a request covers once its defaults apply: the first to the last order's date unless given.</summary>
public static class BacktestRange
{
    public static (DateOnly From, DateOnly To)? Of(IBacktestRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var dates = (request.Orders ?? []).Where(o => o?.Date is not null).Select(o => o.Date!.Value).ToList();
        var from = request.From ?? (dates.Count > 0 ? dates.Min() : null);
        var to = request.To ?? (dates.Count > 0 ? dates.Max() : null);
        return from is { } f && to is { } t ? (f, t) : null;
    }

    /// <summary>Calendar days from the first to the last date of the range, both included.</summary>
    public static int Days((DateOnly From, DateOnly To) range) => range.To.DayNumber - range.From.DayNumber + 1;

    /// <summary>Distinct upper-case symbols of the orders.</summary>
    public static IReadOnlyList<string> Symbols(IBacktestRequest request) =>
        [.. (request.Orders ?? []).Where(o => !string.IsNullOrWhiteSpace(o?.Symbol)).Select(o => o.Symbol!.Trim().ToUpperInvariant())
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
