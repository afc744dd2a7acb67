using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;

namespace RiskPlatform.Benchmarks.Crypto;

/// <summary>
/// The platform calls one credential record costs (encrypt: random fill + HMAC + AesGcm + 2 encrypts; decrypt: HMAC +
/// AesGcm + 2 decrypts), to explain <see cref="CredentialCipherBenchmarks"/>.
/// Run: dotnet run -c Release --project bench/RiskPlatform.Benchmarks -- --filter '*CryptoPrimitive*'
/// </summary>
[MedianColumn]
public class CryptoPrimitiveCostBenchmarks
{
    private readonly byte[] _random = new byte[40];
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly byte[] _kdfInput = new byte[55];
    private readonly byte[] _derived = new byte[32];
    private readonly byte[] _plaintext = new byte[40];
    private readonly byte[] _ciphertext = new byte[40];
    private readonly byte[] _tag = new byte[16];
    private readonly byte[] _nonce = new byte[12];
    private readonly byte[] _associatedData = new byte[42];

    [Benchmark(Description = "RandomNumberGenerator.Fill 40 bytes")]
    public void RandomFill() => RandomNumberGenerator.Fill(_random);

    [Benchmark(Description = "HMACSHA256.HashData one block")]
    public void HmacBlock() => HMACSHA256.HashData(_key, _kdfInput, _derived);

    [Benchmark(Description = "new AesGcm + Dispose")]
    public void NewAesGcm()
    {
        using var aes = new AesGcm(_key, 16);
    }

    [Benchmark(Description = "new AesGcm + 2 small Encrypt")]
    public void NewAesGcmEncryptTwice()
    {
        using var aes = new AesGcm(_key, 16);
        aes.Encrypt(_nonce, _plaintext, _ciphertext, _tag, _associatedData);
        aes.Encrypt(_nonce, _plaintext, _ciphertext, _tag, _associatedData);
    }
}
