using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace RiskPlatform.Benchmarks.Columns;

/// <summary>
/// A percentile of a case's measured iterations (BenchmarkDotNet ships P0–P100 columns only in steps that stop at P95).
/// Computed by BenchmarkDotNet's own <c>Statistics.Percentiles.Percentile(n)</c> over the result statistics, so it is only as
/// meaningful as the number of iterations (and only a tail figure if upper outliers are kept: use OutlierMode.DontRemove).
/// Shown in milliseconds.
/// </summary>
public sealed class PercentileColumn(int percentile) : IColumn
{
    public static readonly IColumn P99 = new PercentileColumn(99);

    public string Id => $"{nameof(PercentileColumn)}.P{percentile}";

    public string ColumnName => $"P{percentile}";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Statistics;

    /// <summary>Beside BenchmarkDotNet's own percentile columns.</summary>
    public int PriorityInCategory => StatisticColumn.P95.PriorityInCategory;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => $"{percentile}th percentile of all measured iterations (ms), outliers kept";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
        GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var statistics = summary[benchmarkCase]?.ResultStatistics;
        if (statistics is null)
        {
            return "NA";
        }

        var milliseconds = statistics.Percentiles.Percentile(percentile) / 1_000_000.0;
        return milliseconds.ToString("0.00", style.CultureInfo ?? CultureInfo.InvariantCulture) + " ms";
    }

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;

    public override string ToString() => ColumnName;
}
