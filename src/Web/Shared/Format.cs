using System.Globalization;

namespace RiskPlatform.Web.Shared;

/// <summary>How the pages write figures: invariant culture, dollars with cents, percents and quantities without scale zeros.</summary>
public static class Format
{
    public static string Money(decimal value) => value.ToString("$#,0.00;-$#,0.00", CultureInfo.InvariantCulture);

    /// <summary>A value already in percent (12.5 → "12.5 %").</summary>
    public static string Percent(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture) + " %";

    public static string Number(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    public static string Date(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
