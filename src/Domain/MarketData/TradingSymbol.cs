using RiskPlatform.Domain.Common;

namespace RiskPlatform.Domain.MarketData;

/// <summary>
/// Normalises ticker symbols: trimmed, upper-case invariant, 1–<see cref="MaxLength"/> characters of ASCII letters, digits
/// and <c>. - / _ ^ =</c> (BRK.B, BTC-USD, BTC/USD, ^SPX, ES=F), starting with a letter, digit or <c>^</c>.
/// </summary>
public static class TradingSymbol
{
    public const int MaxLength = 32;

    /// <exception cref="DomainException"><see cref="MarketDataErrors.InvalidSymbol"/> when the symbol is empty, too long or has other characters.</exception>
    public static string Normalize(string? symbol)
    {
        var normalized = (symbol ?? string.Empty).Trim().ToUpperInvariant();
        if (normalized.Length is 0 or > MaxLength
            || !(char.IsAsciiLetterOrDigit(normalized[0]) || normalized[0] == '^')
            || !normalized.All(IsAllowed))
        {
            throw new DomainException(
                MarketDataErrors.InvalidSymbol,
                $"Symbol '{symbol}' is invalid: use 1-{MaxLength} letters, digits or . - / _ ^ = characters.");
        }

        return normalized;
    }

    private static bool IsAllowed(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '/' or '_' or '^' or '=';
}
