using System.Globalization;
using System.Text.Json;
using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.Trading;

namespace RiskPlatform.Application.Notifications.EventHandlers;

/// <summary>Formatting shared by the producers: numbers without trailing zeros, sides in words, data as snake_case JSON.</summary>
internal static class NotificationText
{
    private static readonly JsonSerializerOptions DataJson = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static string Number(decimal value) => value.ToString("0.########", CultureInfo.InvariantCulture);

    public static string Side(OrderSide side) => WireEnum.Name(side).ToUpperInvariant();

    public static string Data(object value) => JsonSerializer.Serialize(value, DataJson);
}
