using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using RiskPlatform.Application.Common.Credentials;
using RiskPlatform.Domain.ApiKeys;
using RiskPlatform.Infrastructure.Crypto;

namespace RiskPlatform.Benchmarks.Crypto;

/// <summary>
/// Seal and open one credential pair (both fields) with the per-record key design, next to what a per-operation
/// PBKDF2-SHA256 (600,000 iterations) key derivation would cost instead.
/// Run: dotnet run -c Release --project bench/RiskPlatform.Benchmarks -- --filter '*Credential*'
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class CredentialCipherBenchmarks : IDisposable
{
    private const string ApiKey = "PKTESTA1B2C3D4E5F6G7";
    private const string ApiSecret = "s3cr3tS3CR3Ts3cr3tS3CR3Ts3cr3tS3CR3Tab12";

    private static readonly byte[] PassphraseSalt = MasterKeyRing.PassphraseSalt(1);

    private readonly CredentialContext _context = CredentialContext.For(Guid.CreateVersion7(), Guid.CreateVersion7(), Broker.Alpaca, null, true);
    private MasterKeyRing _keyRing = null!;
    private AesGcmCredentialCipher _cipher = null!;
    private CredentialCiphertexts _sealedPair = null!;

    [GlobalSetup]
    public void Setup()
    {
        _keyRing = MasterKeyRing.FromOptions(new EncryptionOptions
        {
            ActiveKeyVersion = 1,
            MasterKeys = { [1] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) },
        });
        _cipher = new AesGcmCredentialCipher(_keyRing);
        _sealedPair = _cipher.Encrypt(_context, ApiKey, ApiSecret);
    }

    [Benchmark(Baseline = true, Description = "Credential pair: encrypt + decrypt (HKDF per record)")]
    public int EncryptDecryptPair()
    {
        var sealedPair = _cipher.Encrypt(_context, ApiKey, ApiSecret);
        return _cipher.UseDecrypted(_context, sealedPair, 0, static (key, secret, _) => key.Length + secret.Length);
    }

    [Benchmark(Description = "Credential pair: encrypt only")]
    public CredentialCiphertexts EncryptPair() => _cipher.Encrypt(_context, ApiKey, ApiSecret);

    [Benchmark(Description = "Credential pair: decrypt-and-use only")]
    public int DecryptPair() =>
        _cipher.UseDecrypted(_context, _sealedPair, 0, static (key, secret, _) => key.Length + secret.Length);

    [Benchmark(Description = "Credential key derivation: PBKDF2-SHA256 600k per operation")]
    public byte[] Pbkdf2PerOperation() =>
        Rfc2898DeriveBytes.Pbkdf2("correct horse battery staple", PassphraseSalt, MasterKeyRing.PassphraseIterations, HashAlgorithmName.SHA256, 32);

    [GlobalCleanup]
    public void Dispose()
    {
        _keyRing.Dispose();
        GC.SuppressFinalize(this);
    }
}
