using System.Text.Json;

namespace RiskPlatform.Domain.Common;

/// <summary>
/// The one snake_case converter (<c>MaxDailyLoss</c> → <c>max_daily_loss</c>, <c>WindowSeconds</c> → <c>window_seconds</c>):
/// exactly the naming policy the JSON serializers use for the wire (<see cref="JsonNamingPolicy.SnakeCaseLower"/>), so a name
/// written here can never differ from the one a client reads.
/// </summary>
public static class SnakeCase
{
    public static string Of(string name) => JsonNamingPolicy.SnakeCaseLower.ConvertName(name);
}
