using System.Text;

namespace RiskPlatform.Domain.ApiKeys;

/// <summary>
/// Makes a broker or service error message safe to store in <see cref="ApiKey.LastError"/>: control characters become
/// spaces, token-like runs that could be an echoed credential are replaced by <see cref="Redacted"/>, and the result is
/// truncated to <see cref="MaxLength"/> characters. Callers must still never pass a credential on purpose.
/// </summary>
public static class LastErrorText
{
    public const int MaxLength = 500;

    public const string Redacted = "[redacted]";

    /// <summary>A run of token characters at least this long is redacted when it contains a digit.</summary>
    public const int TokenWithDigitMinLength = 16;

    /// <summary>A run of token characters at least this long is always redacted.</summary>
    public const int TokenMinLength = 32;

    public static string? Sanitize(string? message)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            return null;
        }

        var builder = new StringBuilder(Math.Min(message.Length, MaxLength + Redacted.Length));
        var i = 0;
        while (i < message.Length && builder.Length < MaxLength)
        {
            if (!IsTokenChar(message[i]))
            {
                builder.Append(char.IsControl(message[i]) ? ' ' : message[i]);
                i++;
                continue;
            }

            var start = i;
            var hasDigit = false;
            while (i < message.Length && IsTokenChar(message[i]))
            {
                hasDigit |= char.IsAsciiDigit(message[i]);
                i++;
            }

            var length = i - start;
            var looksLikeSecret = length >= TokenMinLength || (hasDigit && length >= TokenWithDigitMinLength);
            builder.Append(looksLikeSecret ? Redacted.AsSpan() : message.AsSpan(start, length));
        }

        var text = builder.ToString().Trim();
        return text.Length <= MaxLength ? text : text[..MaxLength];
    }

    private static bool IsTokenChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '+' or '/' or '=';
}
