using System.Security.Cryptography;
using System.Text;

namespace RiskPlatform.Application.Auth.Common;

/// <summary>
/// One-time recovery codes for a lost authenticator: ten of them, each 50 random bits shown as <c>xxxxx-xxxxx</c>, stored as
/// SHA-256 hashes. A fast hash suffices for random codes of this size (as for refresh tokens); sign-in throttling bounds guessing.
/// </summary>
public static class RecoveryCodes
{
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyz023456789"; // 32 symbols, no i, l, o or 1

    /// <summary>The pattern a code is recognised by, as opposed to a 6-digit TOTP code.</summary>
    public const int Length = 11;

    public static IReadOnlyList<string> Generate(int count)
    {
        var codes = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var chars = new char[Length];
            for (var j = 0; j < Length; j++)
            {
                chars[j] = j == 5 ? '-' : Alphabet[RandomNumberGenerator.GetInt32(32)];
            }

            codes.Add(new string(chars));
        }

        return codes;
    }

    /// <summary>SHA-256 (lowercase hex) of the code as typed, ignoring case, spaces and dashes.</summary>
    public static string Hash(string code)
    {
        var normalized = new string([.. code.Where(c => c != '-' && !char.IsWhiteSpace(c)).Select(char.ToLowerInvariant)]);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)));
    }

    public static bool LooksLikeRecoveryCode(string code) => code.Trim().Length == Length && code.Trim()[5] == '-';
}
