using System.Text.Json;
using System.Text.Json.Serialization;

namespace RiskPlatform.Application.Common.Serialization;

/// <summary>
/// The wire shape for JSON the application writes itself (stored alerts, webhook events): snake_case names and lowercase
/// snake_case enum values, the same as the HTTP API's.
/// </summary>
public static class WireJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };
}
