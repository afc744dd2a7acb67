using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace RiskPlatform.Infrastructure.Identity;

/// <summary>
/// Short stateless tokens that name a user and an expiry, for one purpose each (the MFA challenge, the email verification
/// link). Not JWTs, so no bearer handler can mistake one for an access token: base64url of
/// <c>1 | user id (16) | expiry in Unix seconds (8) | HMAC-SHA256</c>, the MAC over those 25 bytes and any data the token is
/// bound to but does not carry, under a key derived from a JWT signing key for the purpose alone. Made under the active key
/// and accepted under any key of the ring, so a key rotation does not void the tokens in flight.
/// </summary>
internal sealed class SignedUserTokens(JwtSigningKeys signingKeys)
{
    private const byte Version = 1;
    private const int BodySize = 1 + 16 + 8;
    private const int Size = BodySize + 32;

    public string Create(string purpose, Guid userId, DateTimeOffset expires, string boundTo = "")
    {
        Span<byte> token = stackalloc byte[Size];
        token[0] = Version;
        userId.TryWriteBytes(token.Slice(1, 16));
        BinaryPrimitives.WriteInt64LittleEndian(token.Slice(17, 8), expires.ToUnixTimeSeconds());
        Mac(PurposeKey(signingKeys.Active, purpose), token[..BodySize], boundTo, token[BodySize..]);
        return Base64UrlEncoder.Encode(token.ToArray());
    }

    /// <summary>The user a well-formed token names, without checking it; null when it is not one of these tokens.</summary>
    public static Guid? UserOf(string token) => Decode(token) is { } bytes ? new Guid(bytes.AsSpan(1, 16)) : null;

    /// <summary>The user, when the token was made for <paramref name="purpose"/> and <paramref name="boundTo"/> under a key of the ring and has not expired.</summary>
    public Guid? Read(string purpose, string token, DateTimeOffset now, string boundTo = "")
    {
        if (Decode(token) is not { } bytes)
        {
            return null;
        }

        Span<byte> expected = stackalloc byte[32];
        var authentic = false;
        foreach (var key in signingKeys.All)
        {
            Mac(PurposeKey(key, purpose), bytes.AsSpan(0, BodySize), boundTo, expected);
            authentic |= CryptographicOperations.FixedTimeEquals(expected, bytes.AsSpan(BodySize));
        }

        var expires = DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(17, 8)));
        return authentic && expires > now ? new Guid(bytes.AsSpan(1, 16)) : null;
    }

    private static byte[]? Decode(string token)
    {
        try
        {
            var bytes = Base64UrlEncoder.DecodeBytes(token);
            return bytes.Length == Size && bytes[0] == Version ? bytes : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static byte[] PurposeKey(SymmetricSecurityKey signingKey, string purpose) =>
        HMACSHA256.HashData(signingKey.Key, Encoding.UTF8.GetBytes(purpose));

    private static void Mac(byte[] key, ReadOnlySpan<byte> body, string boundTo, Span<byte> destination)
    {
        var bound = Encoding.UTF8.GetBytes(boundTo);
        var input = new byte[body.Length + bound.Length];
        body.CopyTo(input);
        bound.CopyTo(input.AsSpan(body.Length));
        HMACSHA256.HashData(key, input, destination);
    }
}
