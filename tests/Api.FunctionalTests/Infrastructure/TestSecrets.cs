namespace RiskPlatform.Api.FunctionalTests.Infrastructure;

/// <summary>Fixed keys for the test host (never used outside tests).</summary>
public static class TestSecrets
{
    public const string JwtSigningKey = "dGVzdC1vbmx5LWp3dC1zaWduaW5nLWtleS0zMi1ieXRlcyEhIQ==";
    public const string MasterKeyV1 = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    public const string AuditHmacKeyV1 = "YXVkaXQtY2hhaW4tdGVzdC1rZXktMzItYnl0ZXMtb2sh";
}
