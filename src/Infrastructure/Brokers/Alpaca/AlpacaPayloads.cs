using System.Globalization;
using System.Text.Json;
using RiskPlatform.Application.Common.Interfaces;

namespace RiskPlatform.Infrastructure.Brokers.Alpaca;

/// <summary>
/// Reads Alpaca's documented JSON: numbers arrive as strings and are parsed as invariant-culture decimals; a missing or
/// malformed field is an <see cref="AlpacaPayloadException"/>, never a zero (the risk check must not judge made-up data).
/// </summary>
internal static class AlpacaPayloads
{
    /// <summary>GET /v2/positions: side long/short becomes the sign of the quantity.</summary>
    public static IReadOnlyList<BrokerPosition> ParsePositions(ReadOnlySpan<byte> body)
    {
        using var document = Parse(body);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new AlpacaPayloadException("positions: expected an array.");
        }

        var positions = new List<BrokerPosition>();
        foreach (var item in document.RootElement.EnumerateArray())
        {
            var quantity = Math.Abs(Decimal(item, "qty"));
            var side = Text(item, "side");
            var signed = side switch
            {
                "long" => quantity,
                "short" => -quantity,
                _ => throw new AlpacaPayloadException($"positions: unknown side '{side}'."),
            };
            if (signed != 0)
            {
                positions.Add(new BrokerPosition(
                    Text(item, "symbol").ToUpperInvariant(),
                    signed,
                    Decimal(item, "avg_entry_price"),
                    Decimal(item, "current_price"),
                    Decimal(item, "unrealized_pl")));
            }
        }

        return positions;
    }

    /// <summary>GET {data}/v2/stocks/{symbol}/quotes/latest: quote.bp (bid), quote.ap (ask), quote.t (time, RFC 3339).</summary>
    public static BrokerQuote ParseLatestQuote(string symbol, ReadOnlySpan<byte> body)
    {
        using var document = Parse(body);
        if (!document.RootElement.TryGetProperty("quote", out var quote) || quote.ValueKind != JsonValueKind.Object)
        {
            throw new AlpacaPayloadException("quote: missing 'quote' object.");
        }

        var bid = Number(quote, "bp");
        var ask = Number(quote, "ap");
        var text = Text(quote, "t");
        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var timestamp))
        {
            throw new AlpacaPayloadException("quote: 't' is not a timestamp.");
        }

        return new BrokerQuote(symbol.ToUpperInvariant(), bid, ask, null, DateTime.SpecifyKind(timestamp, DateTimeKind.Utc));
    }

    /// <summary>A decimal sent as a string (Alpaca's trading API convention).</summary>
    public static decimal Decimal(JsonElement element, string name)
    {
        var text = Text(element, name);
        return decimal.TryParse(text, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new AlpacaPayloadException($"'{name}' is not a decimal.");
    }

    private static decimal Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number)
            ? number
            : throw new AlpacaPayloadException($"'{name}' is missing or not a number.");

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new AlpacaPayloadException($"'{name}' is missing or not a string.");

    private static JsonDocument Parse(ReadOnlySpan<byte> body)
    {
        try
        {
            return JsonDocument.Parse(body.ToArray());
        }
        catch (JsonException exception)
        {
            throw new AlpacaPayloadException("the body is not JSON.", exception);
        }
    }
}
