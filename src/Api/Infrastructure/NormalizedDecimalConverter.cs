using System.Text.Json;
using System.Text.Json.Serialization;

namespace RiskPlatform.Api.Infrastructure;

/// <summary>
/// Writes decimals without the trailing zeros a database column's scale adds (5.00000000 → 5), so a value reads the same
/// whether it came from the client, from SQLite or from PostgreSQL. Reading is the default strict number parsing.
/// </summary>
public sealed class NormalizedDecimalConverter : JsonConverter<decimal>
{
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Number ? reader.GetDecimal() : throw new JsonException("A number was expected.");

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value / 1.0000000000000000000000000000m);
}
