namespace RiskPlatform.Api.FunctionalTests.Infrastructure;

/// <summary>Fixed keys for the test host (never used outside tests).</summary>
public static class TestSecrets
{
    public const string JwtSigningKey = "dGVzdC1vbmx5LWp3dC1zaWduaW5nLWtleS0zMi1ieXRlcyEhIQ==";
    public const string MasterKeyV1 = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    public const string AuditHmacKeyV1 = "YXVkaXQtY2hhaW4tdGVzdC1rZXktMzItYnl0ZXMtb2sh";

    /// <summary>The test hosts' VAPID key pair (P-256, base64url).</summary>
    public const string VapidPublicKey = "BHrQQngNe8g6ZAcG6m0b15PtQgWbLg9hZLHELcdQPn1OaqoVx-Alh0_uyLxPe4kCw55J5avEjOef3BEV8_zO9VE";
    public const string VapidPrivateKey = "3dhi-S9PaGQNQDJDwGOKe5r9zGs4kiUD0usu5CO9lUs";
    public const string VapidSubject = "mailto:push-tests@riskplatform.test";

    /// <summary>Another valid pair, for a host that signs with a key the browsers did not subscribe with.</summary>
    public const string OtherVapidPublicKey = "BLoPQSv-s9ldB4idvjVrMgJhvU8Km3spjopUiXlkvpZ5ovnoj94DTFeK0xZlurguDANRbwElXkeDT97RLne8ANA";
    public const string OtherVapidPrivateKey = "SSvDpL6cDXyS61gUzQuE3-ncys1dDdEqtmp_015GNQg";
}
