using System.Buffers.Binary;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OtpNet;
using RiskPlatform.Api.Cli;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Infrastructure.Persistence;

namespace RiskPlatform.Api.FunctionalTests.Auth;

/// <summary>
/// TOTP second factor end to end: enrol, confirm, sign in in two steps, recovery codes, disable; codes work once, wrong
/// codes are throttled like passwords, the secret is stored sealed. The host's clock is frozen so that codes are computed
/// for the instant the service sees.
/// </summary>
public abstract class MfaTests(ApiFixture fixture) : FunctionalTest(fixture)
{
    private const string Email = "mfa@example.com";
    private const string Password = "Correct-Horse-42";
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    private FakeTimeProvider _clock = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        // 5 s into the step before the current one: after the tests' one Advance(Step) the business clock is at most 5 s ahead of
        // real time, well inside the 30 s skew the bearer validation allows for the tokens it signs (their nbf is that clock's).
        var now = DateTimeOffset.UtcNow;
        _clock = Fixture.Clock.Freeze(now.AddTicks(-(now.Ticks % Step.Ticks)).Add(-Step).AddSeconds(5));
    }

    [Fact]
    public async Task SignIn_WithTotpEnabled_NeedsACodeAfterThePassword()
    {
        var (_, secret, _) = await EnrolAsync();
        _clock.Advance(Step);

        var first = (await Anonymous().PostAsync("/api/v1/auth/login", new { email = Email, password = Password })).EnsureStatus(HttpStatusCode.OK);
        Assert.True(first.Body!["mfa_required"]!.GetValue<bool>());
        Assert.Null(first.Body["access_token"]);
        Assert.Null(first.Body["refresh_token"]);
        var challenge = first.Body["challenge_token"]!.GetValue<string>();

        var second = (await Anonymous().PostAsync("/api/v1/auth/mfa/verify", new { challenge_token = challenge, code = Code(secret) }))
            .EnsureStatus(HttpStatusCode.OK);
        using var client = Anonymous();
        client.UseTokens(second.Body!["access_token"]!.GetValue<string>(), second.Body["refresh_token"]!.GetValue<string>());
        (await client.GetAsync("/api/v1/auth/me")).EnsureStatus(HttpStatusCode.OK);

        // The challenge is not an access token.
        using var impostor = Anonymous();
        impostor.UseTokens(challenge, "none");
        (await impostor.GetAsync("/api/v1/auth/me")).EnsureStatus(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Verify_WhenTheSameCodeIsPresentedTwice_RefusesTheSecond()
    {
        var (_, secret, _) = await EnrolAsync();
        _clock.Advance(Step);
        var code = Code(secret);

        (await VerifyAsync(await ChallengeAsync(), code)).EnsureStatus(HttpStatusCode.OK);
        var replay = (await VerifyAsync(await ChallengeAsync(), code)).EnsureProblem(HttpStatusCode.Unauthorized);

        Assert.Equal("invalid_mfa_code", replay.Body!["code"]!.GetValue<string>());
        Assert.Equal(1, await Fixture.CountAsync("SELECT COUNT(*) FROM audit_logs WHERE action = 'VerifyMfa' AND outcome = 'denied'"));
    }

    [Fact]
    public async Task Verify_WithARecoveryCode_SignsInOnceAndNeverAgainWithThatCode()
    {
        var (_, _, recoveryCodes) = await EnrolAsync();

        (await VerifyAsync(await ChallengeAsync(), recoveryCodes[3])).EnsureStatus(HttpStatusCode.OK);
        (await VerifyAsync(await ChallengeAsync(), recoveryCodes[3])).EnsureProblem(HttpStatusCode.Unauthorized);
        (await VerifyAsync(await ChallengeAsync(), recoveryCodes[4].ToUpperInvariant())).EnsureStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Verify_AfterFiveWrongCodes_IsThrottledLikeAPassword()
    {
        var (_, secret, _) = await EnrolAsync();
        _clock.Advance(Step);
        var challenge = await ChallengeAsync();
        var wrong = Code(secret) == "000000" ? "111111" : "000000";

        for (var i = 0; i < 5; i++)
        {
            (await VerifyAsync(challenge, wrong)).EnsureProblem(HttpStatusCode.Unauthorized);
        }

        var throttled = (await VerifyAsync(challenge, Code(secret))).EnsureProblem(HttpStatusCode.TooManyRequests);
        Assert.NotNull(throttled.Headers.RetryAfter);
        Assert.Equal(5, await Fixture.CountAsync("SELECT COUNT(*) FROM login_attempts"));
    }

    [Fact]
    public async Task Disable_WithPasswordAndCode_TurnsTheSecondStepOff()
    {
        var (client, secret, _) = await EnrolAsync();
        _clock.Advance(Step);

        (await client.PostAsync("/api/v1/auth/mfa/totp/disable", new { password = "Wrong-Horse-42", code = Code(secret) }))
            .EnsureProblem(HttpStatusCode.Unauthorized);
        (await client.PostAsync("/api/v1/auth/mfa/totp/disable", new { password = Password, code = Code(secret) }))
            .EnsureStatus(HttpStatusCode.NoContent);

        var login = (await Anonymous().PostAsync("/api/v1/auth/login", new { email = Email, password = Password })).EnsureStatus(HttpStatusCode.OK);
        Assert.NotNull(login.Body!["access_token"]);
        Assert.Equal(0, await Fixture.CountAsync("SELECT COUNT(*) FROM totp_authenticators"));
        Assert.Equal(1, await Fixture.CountAsync("SELECT COUNT(*) FROM audit_logs WHERE action = 'DisableTotp' AND outcome = 'succeeded'"));
    }

    [Fact]
    public async Task Setup_StoresTheSecretSealedAndTheRecoveryCodesHashed()
    {
        var (client, secret, recoveryCodes) = await EnrolAsync();

        using var scope = Fixture.Factory.Services.CreateScope();
        var stored = await scope.ServiceProvider.GetRequiredService<RiskPlatformDbContext>()
            .Set<Domain.Users.TotpAuthenticator>().AsNoTracking().SingleAsync(TestContext.Current.CancellationToken);
        var raw = Base32Encoding.ToBytes(secret);
        Assert.False(stored.SealedSecret.AsSpan().IndexOf(raw) >= 0, "the raw secret is in the stored row");
        Assert.DoesNotContain(secret, System.Text.Encoding.ASCII.GetString(stored.SealedSecret), StringComparison.Ordinal);
        Assert.Equal(10, recoveryCodes.Length);
        Assert.All(recoveryCodes, code => Assert.DoesNotContain(code.Replace("-", "", StringComparison.Ordinal), stored.RecoveryCodeHashes, StringComparison.Ordinal));
        Assert.Equal(10, stored.RecoveryCodesLeft);

        // Setting up again once enabled is refused: the enabled secret stays.
        (await client.PostAsync("/api/v1/auth/mfa/totp/setup")).EnsureProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Status_FollowsSetupConfirmRecoveryCodeAndDisable()
    {
        var client = Anonymous();
        await client.SignInAsNewUserAsync(Email, Password);
        Assert.Equal((false, false, 0), await TwoFactorStatusAsync(client));

        var secret = (await client.PostAsync("/api/v1/auth/mfa/totp/setup")).EnsureStatus(HttpStatusCode.OK).Body!["secret"]!.GetValue<string>();
        Assert.Equal((false, true, 0), await TwoFactorStatusAsync(client));

        var codes = (await client.PostAsync("/api/v1/auth/mfa/totp/confirm", new { code = Code(secret) })).EnsureStatus(HttpStatusCode.OK)
            .Body!["recovery_codes"]!.AsArray().Select(c => c!.GetValue<string>()).ToArray();
        var enabled = (await client.GetAsync("/api/v1/auth/mfa")).EnsureStatus(HttpStatusCode.OK).Body!;
        Assert.Equal((true, false, 10), await TwoFactorStatusAsync(client));
        Assert.Equal(_clock.GetUtcNow().UtcDateTime, enabled["enabled_at"]!.GetValue<DateTime>().ToUniversalTime());
        Assert.DoesNotContain(secret, enabled.ToJsonString(), StringComparison.Ordinal);

        (await VerifyAsync(await ChallengeAsync(), codes[0])).EnsureStatus(HttpStatusCode.OK);
        Assert.Equal((true, false, 9), await TwoFactorStatusAsync(client));

        (await client.PostAsync("/api/v1/auth/mfa/totp/disable", new { password = Password, code = codes[1] })).EnsureStatus(HttpStatusCode.NoContent);
        Assert.Equal((false, false, 0), await TwoFactorStatusAsync(client));
        (await Anonymous().GetAsync("/api/v1/auth/mfa")).EnsureStatus(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("/api/v1/auth/mfa/verify", """{"challenge_token":"x","code":"12"}""", "code")]
    [InlineData("/api/v1/auth/mfa/verify", """{"code":"123456"}""", "challenge_token")]
    [InlineData("/api/v1/auth/mfa/verify", """{"challenge_token":"x","code":123456}""", "code")]
    public async Task Verify_WithBadInput_IsAProblemNamingTheField(string path, string body, string field) =>
        (await Anonymous().PostRawAsync(path, body)).EnsureValidationError(field);

    [Fact]
    public async Task Confirm_WithAWrongOrMalformedCode_IsAProblemNamingCode()
    {
        var client = Anonymous();
        await client.SignInAsNewUserAsync(Email, Password);
        var secret = (await client.PostAsync("/api/v1/auth/mfa/totp/setup")).EnsureStatus(HttpStatusCode.OK).Body!["secret"]!.GetValue<string>();
        var wrong = Code(secret) == "000000" ? "111111" : "000000";

        (await client.PostAsync("/api/v1/auth/mfa/totp/confirm", new { code = wrong })).EnsureValidationError("code");
        (await client.PostAsync("/api/v1/auth/mfa/totp/confirm", new { code = "abc" })).EnsureValidationError("code");
        (await Anonymous().PostAsync("/api/v1/auth/mfa/verify", new { challenge_token = "forged", code = "123456" })).EnsureProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Rewrap_AfterANewMasterKeyBecomesActive_ResealsTheSecretUnderItAndTheSameCodesStillMatch()
    {
        var (client, secret, _) = await EnrolAsync();
        await using var rotatedHost = ApiKeys.ApiKeyTestData.HostWithMasterKeyV2Active(Fixture);
        var before = await SealedSecretAsync();

        var (resealed, failed) = await RewrapCommandLine.ResealTotpSecretsAsync(rotatedHost.Services, TestContext.Current.CancellationToken);

        Assert.Equal((1, 0), (resealed, failed));
        var after = await SealedSecretAsync();
        Assert.Equal((1, 2), (BinaryPrimitives.ReadInt32LittleEndian(before.AsSpan(1)), BinaryPrimitives.ReadInt32LittleEndian(after.AsSpan(1))));
        var totp = rotatedHost.Services.GetRequiredService<ITotp>();
        Assert.NotNull(totp.MatchTimeStep(client.UserId, after, Code(secret), _clock.GetUtcNow()));
        Assert.Equal(0, (await RewrapCommandLine.ResealTotpSecretsAsync(rotatedHost.Services, TestContext.Current.CancellationToken)).Resealed);
        Assert.Equal(2, await Fixture.CountAsync("SELECT COUNT(*) FROM audit_logs WHERE action = 'ResealTotpSecrets' AND outcome = 'succeeded'"));
    }

    [Fact]
    public async Task SensitiveOperations_WithTotpEnabled_NeedAStepUpProofThatExpires()
    {
        var (client, secret, _) = await EnrolAsync();
        _clock.Advance(Step);

        var refused = (await client.PostAsync(ApiKeys.ApiKeyTestData.Route, ApiKeys.ApiKeyTestData.CreateBody("live one"))).EnsureProblem(HttpStatusCode.Forbidden);
        Assert.Equal("mfa.required", refused.Body!["code"]!.GetValue<string>());
        Assert.Equal(1, await Fixture.CountAsync("SELECT COUNT(*) FROM audit_logs WHERE action = 'CreateApiKey' AND outcome = 'denied' AND error_code = 'mfa.required'"));
        Assert.Equal(0, await Fixture.CountAsync("SELECT COUNT(*) FROM api_keys"));

        var stepUp = (await client.PostAsync("/api/v1/auth/mfa/step-up", new { code = Code(secret) })).EnsureStatus(HttpStatusCode.OK);
        Assert.Equal(300, stepUp.Body!["expires_in"]!.GetValue<int>());
        client.Http.DefaultRequestHeaders.Add("X-MFA-Proof", stepUp.Body["mfa_proof"]!.GetValue<string>());
        (await client.PostAsync(ApiKeys.ApiKeyTestData.Route, ApiKeys.ApiKeyTestData.CreateBody("first"))).EnsureStatus(HttpStatusCode.Created);
        _clock.Advance(TimeSpan.FromMinutes(4));
        (await client.PostAsync(ApiKeys.ApiKeyTestData.Route, ApiKeys.ApiKeyTestData.CreateBody("second"))).EnsureStatus(HttpStatusCode.Created);

        // The same code a second time earns nothing; after five minutes the proof is spent.
        (await client.PostAsync("/api/v1/auth/mfa/step-up", new { code = Code(secret) })).EnsureStatus(HttpStatusCode.OK);
        (await client.PostAsync("/api/v1/auth/mfa/step-up", new { code = Code(secret) })).EnsureProblem(HttpStatusCode.Unauthorized);
        _clock.Advance(TimeSpan.FromMinutes(1.5));
        (await client.PostAsync(ApiKeys.ApiKeyTestData.Route, ApiKeys.ApiKeyTestData.CreateBody("late"))).EnsureProblem(HttpStatusCode.Forbidden);
        Assert.Equal(2, await Fixture.CountAsync("SELECT COUNT(*) FROM api_keys"));
    }

    [Fact]
    public async Task SensitiveOperations_WithoutAProof_AreRefusedOnEveryRouteButPassForAUserWithoutTotp()
    {
        var (client, secret, _) = await EnrolAsync();
        var withoutTotp = Anonymous();
        await withoutTotp.SignInAsNewUserAsync("plain@example.com", Password);
        _clock.Advance(Step);
        var proof = (await client.PostAsync("/api/v1/auth/mfa/step-up", new { code = Code(secret) })).EnsureStatus(HttpStatusCode.OK)
            .Body!["mfa_proof"]!.GetValue<string>();
        var keyId = await CreateKeyWithProofAsync(client, proof);
        var elsewhere = Guid.NewGuid();

        Func<ApiClient, Task<ApiResponse>>[] sensitive =
        [
            c => c.PostAsync(ApiKeys.ApiKeyTestData.Route, ApiKeys.ApiKeyTestData.CreateBody("another")),
            c => c.PostAsync($"{ApiKeys.ApiKeyTestData.Route}/{keyId}/rotate", new { new_api_key = ApiKeys.ApiKeyTestData.NewApiKey(), new_api_secret = ApiKeys.ApiKeyTestData.NewApiSecret() }),
            c => c.PutAsync($"{ApiKeys.ApiKeyTestData.Route}/{keyId}", new { is_paper_trading = false }),
            c => c.DeleteAsync($"{ApiKeys.ApiKeyTestData.Route}/{keyId}"),
            c => c.PutAsync("/api/v1/trading/account", new { source = "api_key", api_key_id = keyId }),
            c => c.PostAsync("/api/v1/notifications/webhooks", new { url = "https://hooks.example.com/risk" }),
            c => c.DeleteAsync($"/api/v1/notifications/webhooks/{elsewhere}"),
            c => c.PostAsync($"/api/v1/notifications/webhooks/{elsewhere}/rotate-secret"),
            c => c.PostAsync("/api/v1/notifications/contact-verifications", new { channel = "email", address = "pager@example.com" }),
            c => c.DeleteAsync($"/api/v1/notifications/contacts/{elsewhere}"),
            c => c.PostAsync("/api/v1/notifications/preferences", new { notification_type = "risk_breach", channel = "webhook", webhook_url = "https://hooks.example.com/p" }),
            c => c.PostAsync("/api/v1/auth/logout-all"),
        ];
        foreach (var send in sensitive)
        {
            var refused = (await send(client)).EnsureProblem(HttpStatusCode.Forbidden);
            Assert.Equal("mfa.required", refused.Body!["code"]!.GetValue<string>());
        }

        // Settings that give no new address and going back to the paper broker need no proof.
        (await client.PostAsync("/api/v1/notifications/preferences", new { notification_type = "risk_breach", channel = "in_app" })).EnsureStatus(HttpStatusCode.Created);
        (await client.PutAsync("/api/v1/trading/account", new { source = "paper" })).EnsureStatus(HttpStatusCode.OK);

        // Another user's proof is not this user's; a user without TOTP needs none.
        var plainKey = await CreateKeyWithProofAsync(withoutTotp, proof: null);
        (await withoutTotp.DeleteAsync($"{ApiKeys.ApiKeyTestData.Route}/{plainKey}")).EnsureStatus(HttpStatusCode.NoContent);
        (await withoutTotp.PostAsync("/api/v1/auth/logout-all")).EnsureStatus(HttpStatusCode.NoContent);
        using var stranger = Anonymous();
        await stranger.SignInAsNewUserAsync("stranger@example.com", Password);
        var strangerSecret = (await stranger.PostAsync("/api/v1/auth/mfa/totp/setup")).EnsureStatus(HttpStatusCode.OK).Body!["secret"]!.GetValue<string>();
        (await stranger.PostAsync("/api/v1/auth/mfa/totp/confirm", new { code = Code(strangerSecret) })).EnsureStatus(HttpStatusCode.OK);
        stranger.Http.DefaultRequestHeaders.Add("X-MFA-Proof", proof);
        (await stranger.PostAsync("/api/v1/auth/logout-all")).EnsureProblem(HttpStatusCode.Forbidden);

        client.Http.DefaultRequestHeaders.Add("X-MFA-Proof", proof);
        (await client.PostAsync("/api/v1/auth/logout-all")).EnsureStatus(HttpStatusCode.NoContent);
    }

    private static async Task<Guid> CreateKeyWithProofAsync(ApiClient client, string? proof)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, ApiKeys.ApiKeyTestData.Route)
        {
            Content = System.Net.Http.Json.JsonContent.Create(ApiKeys.ApiKeyTestData.CreateBody("kept"), options: ApiClient.Json),
        };
        if (proof is not null)
        {
            request.Headers.Add("X-MFA-Proof", proof);
        }

        return (await client.SendAsync(request)).EnsureStatus(HttpStatusCode.Created).Body!["id"]!.GetValue<Guid>();
    }

    /// <summary>The code an authenticator app shows at the host's (frozen) now.</summary>
    private string Code(string secret) => new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(_clock.GetUtcNow().UtcDateTime);

    private async Task<(ApiClient Client, string Secret, string[] RecoveryCodes)> EnrolAsync()
    {
        var client = Anonymous();
        await client.SignInAsNewUserAsync(Email, Password);
        var setup = (await client.PostAsync("/api/v1/auth/mfa/totp/setup")).EnsureStatus(HttpStatusCode.OK);
        var secret = setup.Body!["secret"]!.GetValue<string>();
        var uri = setup.Body["otpauth_uri"]!.GetValue<string>();
        Assert.StartsWith("otpauth://totp/", uri, StringComparison.Ordinal);
        Assert.Contains($"secret={secret}", uri, StringComparison.Ordinal);

        var confirmed = (await client.PostAsync("/api/v1/auth/mfa/totp/confirm", new { code = Code(secret) })).EnsureStatus(HttpStatusCode.OK);
        var codes = confirmed.Body!["recovery_codes"]!.AsArray().Select(c => c!.GetValue<string>()).ToArray();
        return (client, secret, codes);
    }

    private static async Task<(bool Enabled, bool Pending, int RecoveryCodesLeft)> TwoFactorStatusAsync(ApiClient client)
    {
        var body = (await client.GetAsync("/api/v1/auth/mfa")).EnsureStatus(HttpStatusCode.OK).Body!;
        return (body["totp_enabled"]!.GetValue<bool>(), body["setup_pending"]!.GetValue<bool>(), body["recovery_codes_left"]!.GetValue<int>());
    }

    private async Task<string> ChallengeAsync()
    {
        var login = (await Anonymous().PostAsync("/api/v1/auth/login", new { email = Email, password = Password })).EnsureStatus(HttpStatusCode.OK);
        return login.Body!["challenge_token"]!.GetValue<string>();
    }

    private async Task<byte[]> SealedSecretAsync()
    {
        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<RiskPlatformDbContext>()
            .Set<Domain.Users.TotpAuthenticator>().AsNoTracking().SingleAsync(TestContext.Current.CancellationToken)).SealedSecret;
    }

    private Task<ApiResponse> VerifyAsync(string challenge, string code) =>
        Anonymous().PostAsync("/api/v1/auth/mfa/verify", new { challenge_token = challenge, code });
}

[Collection(nameof(SqliteCollection))]
public sealed class MfaTestsOnSqlite(SqliteApiFixture fixture) : MfaTests(fixture);

[Collection(nameof(PostgresCollection))]
public sealed class MfaTestsOnPostgres(PostgresApiFixture fixture) : MfaTests(fixture);
