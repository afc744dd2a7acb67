using System.Security.Cryptography;
using RiskPlatform.Domain.Notifications.Push;

namespace RiskPlatform.Infrastructure.Push;

/// <summary>The VAPID key pair's checks: a P-256 public point (65 bytes, uncompressed) and the private scalar (32 bytes) that belongs to it.</summary>
internal static class VapidKeys
{
    /// <summary>Why the pair is unusable, or null.</summary>
    public static string? Problem(string? publicKey, string? privateKey)
    {
        var q = PushSubscription.FromBase64Url(publicKey);
        if (q is not { Length: 65 } || q[0] != 0x04)
        {
            return "Push:Vapid:PublicKey must be a P-256 public key: 65 bytes (uncompressed point), base64url.";
        }

        var d = PushSubscription.FromBase64Url(privateKey);
        if (d is not { Length: 32 })
        {
            return "Push:Vapid:PrivateKey must be a P-256 private key: 32 bytes, base64url.";
        }

        try
        {
            using var key = ECDsa.Create(new ECParameters
            {
                Curve = ECCurve.NamedCurves.nistP256,
                D = d,
                Q = new ECPoint { X = q[1..33], Y = q[33..] },
            });
            // The import checks that Q is on the curve and that it is D's public point.
            key.ExportParameters(includePrivateParameters: false);
            return null;
        }
        catch (CryptographicException)
        {
            return "Push:Vapid:PublicKey and Push:Vapid:PrivateKey are not one P-256 key pair.";
        }
    }
}
