using RiskPlatform.Infrastructure.Email;

namespace RiskPlatform.Infrastructure.IntegrationTests.Email;

public sealed class SmtpOptionsValidatorTests
{
    [Theory]
    [InlineData(null, null, "alerts@example.com", null, null, true)]
    [InlineData("", null, null, null, null, true)]
    [InlineData("smtp.example.com", 587, "RiskPlatform <alerts@example.com>", "mailer", "pw", true)]
    [InlineData("smtp.example.com", null, "alerts@example.com", null, null, true)]
    [InlineData("smtp.example.com", null, null, null, null, false)]
    [InlineData("smtp.example.com", null, "not an address", null, null, false)]
    [InlineData("smtp.example.com", 0, "alerts@example.com", null, null, false)]
    [InlineData("smtp.example.com", 70000, "alerts@example.com", null, null, false)]
    [InlineData("smtp.example.com", null, "alerts@example.com", "mailer", null, false)]
    [InlineData("smtp.example.com", null, "alerts@example.com", null, "pw", false)]
    public void Validate_WhenHostIsSetOrNot_ChecksTheRest(string? host, int? port, string? from, string? username, string? password, bool valid)
    {
        var options = new SmtpOptions { Host = host, Port = port, From = from, Username = username, Password = password };

        var result = new SmtpOptionsValidator().Validate(null, options);

        Assert.Equal(valid, result.Succeeded);
        if (!valid)
        {
            Assert.DoesNotContain("pw", result.FailureMessage, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(SmtpSecurity.None, "smtp.example.com", "pw", false)]
    [InlineData(SmtpSecurity.None, "10.0.0.25", "pw", false)]
    [InlineData(SmtpSecurity.None, "127.0.0.1", "pw", true)]
    [InlineData(SmtpSecurity.None, "localhost", "pw", true)]
    [InlineData(SmtpSecurity.None, "smtp.example.com", null, true)]
    [InlineData(SmtpSecurity.StartTls, "smtp.example.com", "pw", true)]
    [InlineData(SmtpSecurity.Ssl, "smtp.example.com", "pw", true)]
    public void Validate_WithCredentialsButNoEncryptionToARemoteServer_FailsNamingSmtpSecurity(SmtpSecurity security, string host, string? password, bool valid)
    {
        var options = new SmtpOptions { Host = host, Security = security, From = "alerts@example.com", Username = password is null ? null : "mailer", Password = password };

        var result = new SmtpOptionsValidator().Validate(null, options);

        Assert.Equal(valid, result.Succeeded);
        if (!valid)
        {
            Assert.Contains("Smtp:Security=none", result.FailureMessage, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(SmtpSecurity.None, null, 25)]
    [InlineData(SmtpSecurity.StartTls, null, 587)]
    [InlineData(SmtpSecurity.Ssl, null, 465)]
    [InlineData(SmtpSecurity.Ssl, 2465, 2465)]
    public void EffectivePort_WhenPortIsUnset_FollowsTheSecurityMode(SmtpSecurity security, int? port, int expected) =>
        Assert.Equal(expected, new SmtpOptions { Security = security, Port = port }.EffectivePort);
}
