using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using RiskPlatform.Domain.Auditing;

namespace RiskPlatform.Infrastructure.Auditing;

/// <summary>
/// hash(row) = HMAC-SHA256(key of its version, previous hash in its chain (empty for the first) | '\n' | canonical content),
/// lowercase hex. Version 0 means no key: plain SHA-256 of the same input.
/// </summary>
internal sealed class AuditHasher
{
    private readonly FrozenDictionary<int, byte[]> _keys;

    public AuditHasher(IOptions<AuditOptions> options)
    {
        _keys = options.Value.HmacKeys.ToFrozenDictionary(k => k.Key, k => Convert.FromBase64String(k.Value));
        ActiveVersion = options.Value.ActiveHmacKeyVersion;
    }

    public int ActiveVersion { get; }

    public bool HasKey(int version) => version == 0 || _keys.ContainsKey(version);

    public string Hash(int version, string? previousHash, AuditLog row)
    {
        var input = Encoding.UTF8.GetBytes((previousHash ?? string.Empty) + "\n" + row.CanonicalContent());
        var hash = version == 0
            ? SHA256.HashData(input)
            : HMACSHA256.HashData(_keys.TryGetValue(version, out var key) ? key : throw new InvalidOperationException($"Audit:HmacKeys:{version} is not configured."), input);
        return Convert.ToHexStringLower(hash);
    }

    public static bool IsValidKey(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        var buffer = new byte[value.Length];
        return Convert.TryFromBase64String(value, buffer, out var written) && written >= 32;
    }
}
