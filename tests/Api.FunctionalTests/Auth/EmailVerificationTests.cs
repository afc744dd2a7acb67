using System.Net;
using System.Text.RegularExpressions;
using MimeKit;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using RiskPlatform.Infrastructure.Persistence;
using RiskPlatform.TestSupport;

namespace RiskPlatform.Api.FunctionalTests.Auth;

/// <summary>
/// Account email verification end to end: registering sends a signed, expiring link through a real SMTP server (aiosmtpd);
/// posting its token verifies the account once; forged, foreign, expired and spent tokens are refused; a new link can be
/// asked for. Each test starts its own host.
/// </summary>
public abstract partial class EmailVerificationTests() : DedicatedHostTest("email-verification")
{
    private const string Page = "https://app.example.test/verify-email";

    [Fact]
    public async Task Register_SendsALinkWhoseTokenVerifiesTheAccountOnce()
    {
        var smtp = await SmtpAsync();
        var host = await HostAsync(smtp);
        using var client = await DedicatedHosts.SignedInAsync(host, "verify-me@example.com");
        Assert.False((await client.GetAsync("/api/v1/auth/me")).EnsureStatus(HttpStatusCode.OK).Body!["is_verified"]!.GetValue<bool>());

        var mail = Assert.Single(await smtp.WaitForMessagesAsync(1));
        Assert.Equal("verify-me@example.com", mail.Headers["X-RcptTo"]);
        var token = TokenIn(mail);
        Assert.Contains($"{Page}?token={token}", mail.TextBody, StringComparison.Ordinal);

        using var anonymous = new ApiClient(host.CreateClient());
        (await anonymous.PostAsync("/api/v1/auth/verify-email", new { token })).EnsureStatus(HttpStatusCode.NoContent);

        Assert.True((await client.GetAsync("/api/v1/auth/me")).EnsureStatus(HttpStatusCode.OK).Body!["is_verified"]!.GetValue<bool>());
        var again = await anonymous.PostAsync("/api/v1/auth/verify-email", new { token });
        Assert.Equal("email.already_verified", again.EnsureProblem(HttpStatusCode.Conflict).Body!["code"]!.GetValue<string>());
        (await client.PostAsync("/api/v1/auth/resend-verification")).EnsureProblem(HttpStatusCode.Conflict);
        Assert.Equal(1, await Hosts.CountAsync(
            $"SELECT COUNT(*) FROM audit_logs WHERE action = 'VerifyEmail' AND outcome = 'succeeded' AND user_id = {Literal(client.UserId)}"));
        Assert.False(Hosts.Logs.Contains(token), "the token reached a log line");
        Assert.Equal(0, await Hosts.CountAsync($"SELECT COUNT(*) FROM audit_logs WHERE description LIKE '%{token}%'"));
    }

    [Fact]
    public async Task VerifyEmail_WithAForgedForeignExpiredOrMalformedToken_IsRefusedNamingToken()
    {
        var smtp = await SmtpAsync();
        var host = await HostAsync(smtp);
        using var alice = await DedicatedHosts.SignedInAsync(host, "alice@example.com");
        var aliceToken = TokenIn(Assert.Single(await smtp.WaitForMessagesAsync(1)));
        using var anonymous = new ApiClient(host.CreateClient());

        // One character changed in the signature; the right signature on another user's id; garbage; nothing.
        var forged = aliceToken[..^2] + (aliceToken[^2] == 'A' ? 'B' : 'A') + aliceToken[^1];
        var bytes = Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(aliceToken);
        Guid.CreateVersion7().TryWriteBytes(bytes.AsSpan(1, 16));
        var foreign = Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(bytes);
        foreach (var token in new[] { forged, foreign, "not-a-token" })
        {
            (await anonymous.PostAsync("/api/v1/auth/verify-email", new { token })).EnsureValidationError("token");
        }

        (await anonymous.PostAsync("/api/v1/auth/verify-email", new { })).EnsureValidationError("token");
        (await anonymous.PostRawAsync("/api/v1/auth/verify-email", """{"token": 12}""")).EnsureValidationError("token");

        // Past the link's lifetime (24 hours by default) the genuine token is refused too, and a new one works.
        Hosts.Time.Shift(TimeSpan.FromHours(25));
        (await anonymous.PostAsync("/api/v1/auth/verify-email", new { token = aliceToken })).EnsureValidationError("token");
        Assert.False(await IsVerifiedAsync(alice.UserId));
    }

    [Fact]
    public async Task ResendVerification_SendsANewLinkThatWorks_AndWithoutAMailServerAnswers503()
    {
        var smtp = await SmtpAsync();
        var host = await HostAsync(smtp, new() { ["Accounts:SendVerificationEmailOnRegister"] = "false" });
        using var client = await DedicatedHosts.SignedInAsync(host, "later@example.com");
        await Task.Delay(500, TestContext.Current.CancellationToken);
        Assert.Empty(smtp.Messages());

        (await client.PostAsync("/api/v1/auth/resend-verification")).EnsureStatus(HttpStatusCode.Accepted);
        var token = TokenIn(Assert.Single(await smtp.WaitForMessagesAsync(1)));
        using var anonymous = new ApiClient(host.CreateClient());
        (await anonymous.PostAsync("/api/v1/auth/verify-email", new { token })).EnsureStatus(HttpStatusCode.NoContent);
        Assert.True(await IsVerifiedAsync(client.UserId));

        var withoutMail = await Hosts.StartAsync(new Dictionary<string, string?>());
        using var elsewhere = await DedicatedHosts.SignedInAsync(withoutMail, "no-mail@example.com");
        var refused = await elsewhere.PostAsync("/api/v1/auth/resend-verification");
        Assert.Equal("email.not_configured", refused.EnsureProblem(HttpStatusCode.ServiceUnavailable).Body!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Register_WhenTheServiceStopsBeforeTheLinkCouldBeSent_SendsItAfterTheRestart()
    {
        var smtp = await SmtpAsync();

        // First life: the mail server cannot be reached, so the link is still owed when the process stops.
        var firstLife = await HostAsync(smtp, new() { ["Smtp:Port"] = ClosedPort() });
        (await DedicatedHosts.SignedInAsync(firstLife, "restarted@example.com")).Dispose();
        await Hosts.WaitForCountAsync("SELECT COUNT(*) FROM pending_account_emails WHERE attempts >= 1", 1, "the first life tried once and failed");
        await Hosts.StopAsync(firstLife);
        Assert.Empty(smtp.Messages());

        // Second life, past the retry's backoff: the stored row is sent with a token that works, and is then gone.
        Hosts.Time.Shift(TimeSpan.FromMinutes(1));
        var secondLife = await HostAsync(smtp);
        var mail = Assert.Single(await smtp.WaitForMessagesAsync(1));
        Assert.Equal("restarted@example.com", mail.Headers["X-RcptTo"]);
        using var anonymous = new ApiClient(secondLife.CreateClient());
        (await anonymous.PostAsync("/api/v1/auth/verify-email", new { token = TokenIn(mail) })).EnsureStatus(HttpStatusCode.NoContent);
        await Hosts.WaitForCountAsync("SELECT COUNT(*) FROM pending_account_emails", 0, "a sent link is no longer owed");
        Assert.Equal(0, await Hosts.CountAsync("SELECT COUNT(*) FROM users WHERE is_verified = " + (Provider == DatabaseProvider.Sqlite ? "0" : "false")));
    }

    private static string ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string TokenIn(MimeMessage mail) => TokenPattern().Match(mail.TextBody ?? string.Empty).Groups[1].Value is { Length: > 0 } token
        ? token
        : throw new InvalidOperationException($"No token in the email: {mail.TextBody}");

    [GeneratedRegex("token=([A-Za-z0-9_-]+)")]
    private static partial Regex TokenPattern();

    private async Task<bool> IsVerifiedAsync(Guid userId) =>
        await Hosts.CountAsync($"SELECT COUNT(*) FROM users WHERE is_verified = {(Provider == DatabaseProvider.Sqlite ? "1" : "true")} AND id = {Literal(userId)}") == 1;

    private string Literal(Guid id) => Provider == DatabaseProvider.Sqlite ? $"'{id.ToString().ToUpperInvariant()}'" : $"'{id}'";

    private async Task<SmtpTestServer> SmtpAsync()
    {
        if (SmtpTestServer.UnavailableReason is { } reason)
        {
            Assert.Skip(reason);
        }

        return Hosts.Track(await SmtpTestServer.StartAsync(SmtpTestHandler.Mailbox));
    }

    private Task<RiskPlatformApiFactory> HostAsync(SmtpTestServer smtp, Dictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Smtp:Host"] = smtp.Host,
            ["Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp:Security"] = "none",
            ["Smtp:From"] = "RiskPlatform <accounts@riskplatform.test>",
            ["Accounts:SendVerificationEmailOnRegister"] = "true",
            ["Accounts:EmailVerificationUrl"] = Page,
        };
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        return Hosts.StartAsync(settings);
    }
}

public sealed class EmailVerificationTestsOnSqlite : EmailVerificationTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class EmailVerificationTestsOnPostgres : EmailVerificationTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
