using System.Net;
using Bunit;
using RiskPlatform.Web.ComponentTests.Support;
using RiskPlatform.Web.Pages;

namespace RiskPlatform.Web.ComponentTests.Pages;

public sealed class SecurityTests : WebAppTest
{
    private const string Secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    private const string User = """{"id":"0193c1a0-0000-7000-8000-0000000000aa","email":"ann@example.com","full_name":"Ann","role":"trader","is_verified":false}""";
    private const string Off = """{"totp_enabled":false,"setup_pending":false,"enabled_at":null,"recovery_codes_left":0}""";
    private const string On = """{"totp_enabled":true,"setup_pending":false,"enabled_at":"2026-01-05T10:00:00Z","recovery_codes_left":10}""";

    [Fact]
    public async Task Enrol_ShowsTheSecretUntilConfirmedThenTheRecoveryCodesOnceAndNeitherAfterwards()
    {
        await SignedInAsync();
        Api.On(HttpMethod.Get, "auth/me", HttpStatusCode.OK, User).On(HttpMethod.Get, "auth/mfa", HttpStatusCode.OK, Off)
            .On(HttpMethod.Post, "auth/mfa/totp/setup", HttpStatusCode.OK, $$"""{"secret":"{{Secret}}","otpauth_uri":"otpauth://totp/RiskPlatform:ann?secret={{Secret}}"}""")
            .On(HttpMethod.Post, "auth/mfa/totp/confirm", HttpStatusCode.BadRequest,
                """{"title":"One or more fields are invalid.","status":400,"errors":{"code":["The code is not valid."]}}""")
            .On(HttpMethod.Post, "auth/mfa/totp/confirm", HttpStatusCode.OK, """{"recovery_codes":["aaaaa-bbbbb","ccccc-ddddd"]}""")
            .On(HttpMethod.Get, "auth/me", HttpStatusCode.OK, User).On(HttpMethod.Get, "auth/mfa", HttpStatusCode.OK, On);
        var cut = Render<Security>();

        cut.WaitForAssertion(() => Assert.Contains("Off", cut.Find("[data-testid=two-factor-state]").TextContent, StringComparison.Ordinal));
        cut.Button("Set up an authenticator app").Click();
        cut.WaitForAssertion(() => Assert.Equal(Secret, cut.Find("[data-testid=totp-secret]").TextContent));

        cut.Find("#totp-code").Change("000000");
        await cut.Find("form").SubmitAsync();
        cut.WaitForAssertion(() => Assert.Equal("The code is not valid.", cut.Find("#totp-code ~ .field-error[data-field=code]").TextContent));
        Assert.Contains(Secret, cut.Markup, StringComparison.Ordinal); // still enrolling: the user may retype the code

        cut.Find("#totp-code").Change(" 123456 ");
        await cut.Find("form").SubmitAsync();
        cut.WaitForAssertion(() => Assert.Equal(["aaaaa-bbbbb", "ccccc-ddddd"], cut.FindAll("[data-testid=recovery-codes] code").Select(c => c.TextContent)));
        Assert.DoesNotContain(Secret, cut.Markup, StringComparison.Ordinal);
        Assert.Contains("\"code\":\"123456\"", Api.Requests.Last(r => r.Path == "auth/mfa/totp/confirm").Body, StringComparison.Ordinal);

        cut.Button("I have saved them").Click();
        Assert.DoesNotContain("aaaaa-bbbbb", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("10 recovery codes left", cut.Find("[data-testid=two-factor-state]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disable_WithAWrongPassword_ShowsTheProblemAndForgetsThePassword()
    {
        await SignedInAsync();
        Api.On(HttpMethod.Get, "auth/me", HttpStatusCode.OK, User).On(HttpMethod.Get, "auth/mfa", HttpStatusCode.OK, On)
            .On(HttpMethod.Post, "auth/mfa/totp/disable", HttpStatusCode.BadRequest,
                """{"title":"One or more fields are invalid.","status":400,"errors":{"password":["'password' must not be empty."]}}""")
            .On(HttpMethod.Post, "auth/mfa/totp/disable", HttpStatusCode.NoContent, "")
            .On(HttpMethod.Get, "auth/me", HttpStatusCode.OK, User).On(HttpMethod.Get, "auth/mfa", HttpStatusCode.OK, Off);
        var cut = Render<Security>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("#disable-password")));

        cut.Find("#disable-code").Change("123456");
        await cut.Find("form").SubmitAsync();
        cut.WaitForAssertion(() => Assert.Equal("'password' must not be empty.", cut.Find("#disable-password ~ .field-error[data-field=password]").TextContent));

        cut.Find("#disable-password").Change("Correct-Horse-42");
        cut.Find("#disable-code").Change("654321");
        await cut.Find("form").SubmitAsync();

        cut.WaitForAssertion(() => Assert.Contains("Off", cut.Find("[data-testid=two-factor-state]").TextContent, StringComparison.Ordinal));
        Assert.Contains("\"password\":\"Correct-Horse-42\"", Api.Requests.Last(r => r.Path == "auth/mfa/totp/disable").Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Correct-Horse-42", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResendVerification_ForAnUnverifiedEmail_SendsAndSaysWhere()
    {
        await SignedInAsync();
        Api.On(HttpMethod.Get, "auth/me", HttpStatusCode.OK, User).On(HttpMethod.Get, "auth/mfa", HttpStatusCode.OK, Off)
            .On(HttpMethod.Post, "auth/resend-verification", HttpStatusCode.Accepted, "");
        var cut = Render<Security>();
        cut.WaitForAssertion(() => Assert.Equal("not verified", cut.Find("[data-testid=email-verified]").TextContent));

        cut.Button("Resend verification email").Click();

        cut.WaitForAssertion(() => Assert.Contains("ann@example.com", cut.Find("[data-testid=security-message]").TextContent, StringComparison.Ordinal));
        Api.Single(HttpMethod.Post, "auth/resend-verification");
    }

    [Fact]
    public async Task SignOutEverywhere_AfterConfirming_EndsEverySignInAndThisTab()
    {
        await SignedInAsync();
        Api.On(HttpMethod.Get, "auth/me", HttpStatusCode.OK, User.Replace("false", "true", StringComparison.Ordinal))
            .On(HttpMethod.Get, "auth/mfa", HttpStatusCode.OK, Off).On(HttpMethod.Post, "auth/logout-all", HttpStatusCode.NoContent, "");
        var cut = Render<Security>();
        cut.WaitForAssertion(() => Assert.Equal("verified", cut.Find("[data-testid=email-verified]").TextContent));
        Assert.False(cut.HasButton("Resend verification email"));

        cut.Button("Sign out everywhere").Click();
        Assert.NotNull(Store.Stored); // only asked, not done
        cut.Button("Sign out everywhere now").Click();

        cut.WaitForAssertion(() => Assert.Null(Store.Stored));
        Api.Single(HttpMethod.Post, "auth/logout-all");
    }
}
