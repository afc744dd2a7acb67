using System.Text.Json;

namespace RiskPlatform.Web.Client;

/// <summary>The service's wire format as a client reads and writes it: snake_case names; enum values stay strings.</summary>
internal static class WireJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };
}
