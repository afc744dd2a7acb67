using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace RiskPlatform.Client;

/// <summary>The generated client's serializer settings, completed here.</summary>
public partial class RiskPlatformClient
{
    /// <summary>
    /// Enums travel as their wire strings (<c>max_position_size</c>, from each member's <c>EnumMember</c> value) everywhere:
    /// the generator puts a string converter only on non-nullable enum properties, and the service refuses numbers.
    /// </summary>
    static partial void UpdateJsonSerializerSettings(JsonSerializerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Converters.Add(new StringEnumConverter());
    }
}
