using System.Text.Json;
using System.Text.Json.Serialization;

namespace RiskPlatform.Api.Infrastructure;

/// <summary>The wire format the existing clients use: snake_case names, lowercase snake_case enum values, strict numbers.</summary>
public static class JsonDefaults
{
    public static void Apply(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.PropertyNameCaseInsensitive = false;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.Converters.Add(new NormalizedDecimalConverter());
    }
}
