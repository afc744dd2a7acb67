using System.Text.Json;
using System.Text.Json.Serialization;

namespace RiskPlatform.Application.Common.Serialization;

/// <summary>
/// For a string property that holds a JSON document: written as that document itself, byte for byte (not as a quoted string);
/// read back as the raw text of the value.
/// </summary>
public sealed class RawJsonConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return document.RootElement.GetRawText();
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WriteRawValue(value, skipInputValidation: true);
}
