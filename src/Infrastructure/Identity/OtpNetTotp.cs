using System.Security.Cryptography;
using OtpNet;
using RiskPlatform.Application.Common.Authentication;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Infrastructure.Crypto;

namespace RiskPlatform.Infrastructure.Identity;

/// <summary>
/// TOTP with Otp.NET: 20-byte (160-bit) secrets, HMAC-SHA1, 6 digits, 30-second steps, one step of clock drift either
/// side. Secrets are sealed by the vault (<see cref="UserSecretSealer"/>) and opened only for the one comparison.
/// </summary>
internal sealed class OtpNetTotp(UserSecretSealer sealer) : ITotp
{
    public const string Issuer = "RiskPlatform";

    private const string SealLabel = "RiskPlatform/totp-secret/v1";

    private const int SecretSize = 20;

    private static readonly VerificationWindow Drift = new(previous: 1, future: 1);

    public TotpSecret NewSecret(Guid userId, string accountName)
    {
        var secret = KeyGeneration.GenerateRandomKey(SecretSize);
        try
        {
            var base32 = Base32Encoding.ToString(secret);
            var uri = new OtpUri(OtpType.Totp, base32, accountName, Issuer).ToString();
            return new TotpSecret(sealer.Seal(SealLabel, userId, secret), base32, uri);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    public long? MatchTimeStep(Guid userId, byte[] sealedSecret, string code, DateTimeOffset now)
    {
        var secret = sealer.Open(SealLabel, userId, sealedSecret);
        try
        {
            var totp = new Totp(secret);
            return totp.VerifyTotp(now.UtcDateTime, code, out var step, Drift) ? step : null;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    public bool NeedsResealing(byte[] sealedSecret) => sealer.NeedsResealing(sealedSecret);

    public byte[] Reseal(Guid userId, byte[] sealedSecret)
    {
        var secret = sealer.Open(SealLabel, userId, sealedSecret);
        try
        {
            return sealer.Seal(SealLabel, userId, secret);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }
}
