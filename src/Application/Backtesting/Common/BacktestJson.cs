using System.Text.Json;
using System.Text.Json.Serialization;

namespace RiskPlatform.Application.Backtesting.Common;

/// <summary>
/// The one serialisation of backtest results and plans: the wire's snake_case names and enum values, decimals without the
/// trailing zeros a column's scale adds. A synchronous answer and a job's stored result are both written here, so the same plan
/// gives byte-identical bodies either way.
/// </summary>
public static class BacktestJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.Strict,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false), new NormalizedDecimal() },
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"The stored {typeof(T).Name} is empty.");

    /// <summary>5.00000000 is written 5, as the HTTP API writes every decimal.</summary>
    private sealed class NormalizedDecimal : JsonConverter<decimal>
    {
        public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Number ? reader.GetDecimal() : throw new JsonException("A number was expected.");

        public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
            writer.WriteNumberValue(value / 1.0000000000000000000000000000m);
    }
}
