using System.Net;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using RiskPlatform.Web.Client;
using RiskPlatform.Web.ComponentTests.Support;
using RiskPlatform.Web.Forms;
using RiskPlatform.Web.Session;
using RiskPlatform.Web.Shared;

namespace RiskPlatform.Web.ComponentTests.Layout;

/// <summary>The step-up dialog the layout shows when a sensitive request answers 403 mfa.required (ADR 024).</summary>
public sealed class MfaStepUpDialogTests : WebAppTest
{
    private const string MfaRequired = """
        {"title":"Forbidden.","status":403,"detail":"This operation needs a recent second factor: POST /api/v1/auth/mfa/step-up, then send X-MFA-Proof.","code":"mfa.required"}
        """;

    private const string AddedKey = """
        {"id":"0193c1a0-0000-7000-8000-000000000004","broker":"alpaca","name":"Live","description":null,"is_paper_trading":true,
         "is_default":false,"status":"active","key_hint":"PK…7890","secret_hint":"…6789","usage_count":0,"last_used_at":null,
         "last_verified_at":null,"last_rotated_at":null,"revoked_at":null,"created_at":"2026-01-05T10:00:00Z"}
        """;

    [Fact]
    public async Task AddBrokerKey_WhenTheApiAsksForASecondFactor_AsksForTheCodeShowsAWrongOneBesideTheFieldAndRetriesOnceWithTheProof()
    {
        await SignedInAsync();
        Api.On(HttpMethod.Post, "api-keys", HttpStatusCode.Forbidden, MfaRequired)
            .On(HttpMethod.Post, "api-keys", HttpStatusCode.Created, AddedKey)
            .On(HttpMethod.Post, "api-keys", HttpStatusCode.Created, AddedKey)
            .On(HttpMethod.Post, "auth/mfa/step-up", HttpStatusCode.BadRequest, """
                {"title":"One or more fields are invalid.","status":400,"errors":{"code":["'code' must be a 6-digit code or a recovery code (xxxxx-xxxxx)."]}}
                """)
            .On(HttpMethod.Post, "auth/mfa/step-up", HttpStatusCode.Unauthorized, """
                {"title":"Unauthorized.","status":401,"detail":"The code is not valid.","code":"invalid_mfa_code"}
                """)
            .On(HttpMethod.Post, "auth/mfa/step-up", HttpStatusCode.OK, """{"mfa_proof":"proof-1","expires_in":300}""");
        var dialog = Render<MfaStepUpDialog>();
        var added = 0;
        var form = Render<BrokerKeyForm>(parameters => parameters.Add(f => f.OnAdded, _ => added++));
        Assert.Empty(dialog.FindAll("[role=dialog]"));

        FillKey(form);
        var submitted = form.Find("form").SubmitAsync();

        dialog.WaitForAssertion(() => Assert.Equal("true", dialog.Find("[role=dialog]").GetAttribute("aria-modal")));
        Assert.Equal(0, added);
        await EnterCodeAsync(dialog, "12");
        dialog.WaitForAssertion(() => Assert.Contains("6-digit code", dialog.Find("#step-up-code ~ .field-error[data-field=code]").TextContent, StringComparison.Ordinal));
        await EnterCodeAsync(dialog, "000000");
        dialog.WaitForAssertion(() => Assert.Equal("The code is not valid.", dialog.Find("#step-up-code ~ .field-error[data-field=code]").TextContent));
        Assert.True(Services.GetRequiredService<ApiSession>().IsSignedIn); // a wrong code is not an expired session
        await EnterCodeAsync(dialog, "123456");
        await submitted;

        dialog.WaitForAssertion(() => Assert.Empty(dialog.FindAll("[role=dialog]")));
        Assert.Equal(1, added);
        var attempts = Api.Requests.Where(r => r.Method == HttpMethod.Post && r.Path == "api-keys").ToList();
        Assert.Equal([null, "proof-1"], attempts.Select(r => r.MfaProof));
        Assert.Equal(["12", "000000", "123456"], Api.Requests.Where(r => r.Path == "auth/mfa/step-up").Select(r => CodeOf(r.Body)));

        // The proof lasts its minutes: the next sensitive request carries it at once, without asking again.
        FillKey(form);
        await form.Find("form").SubmitAsync();
        Assert.Equal(2, added);
        Assert.Equal("proof-1", Api.Requests.Last(r => r.Path == "api-keys").MfaProof);
        Assert.Empty(dialog.FindAll("[role=dialog]"));
    }

    [Fact]
    public async Task AddBrokerKey_WhenTheCodeIsCancelled_LeavesTheKeyUnaddedAndSaysWhy()
    {
        var (dialog, form, submitted) = await KeyWaitingForACodeAsync();

        dialog.Button("Cancel").Click();
        await submitted;

        Assert.Empty(dialog.FindAll("[role=dialog]"));
        form.WaitForAssertion(() => Assert.Contains("Not done: the code was not given.", form.Find(".problem").TextContent, StringComparison.Ordinal));
        Assert.Contains("Nothing was changed", form.Find(".problem").TextContent, StringComparison.Ordinal);
        Assert.Single(Api.Requests, r => r.Path == "api-keys");
        Assert.DoesNotContain(Api.Requests, r => r.Path == "auth/mfa/step-up");
        Assert.DoesNotContain(Secret, form.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tab_PastTheLastControlOrBeforeTheFirst_LandsOnASentinelThatSendsFocusBackInside()
    {
        var (dialog, _, _) = await KeyWaitingForACodeAsync();
        dialog.WaitForAssertion(() => JSInterop.VerifyFocusAsyncInvoke().Arguments[0].ShouldBeElementReferenceTo(dialog.Find("#step-up-code")));
        // bUnit shows an element's reference id only in the render that captured it: read them before focus events re-render.
        var code = ReferenceOf(dialog.Find("#step-up-code"));
        var cancel = ReferenceOf(dialog.Button("Cancel"));
        var controls = dialog.FindAll("[role=dialog] [tabindex], [role=dialog] input, [role=dialog] button");
        Assert.Equal(["start", "step-up-code", "Confirm", "Cancel", "end"],
            controls.Select(c => c.GetAttribute("data-sentinel") ?? (string.IsNullOrEmpty(c.Id) ? c.TextContent.Trim() : c.Id)));

        await dialog.Find("[data-sentinel=end]").FocusAsync(new FocusEventArgs());
        await dialog.Find("[data-sentinel=start]").FocusAsync(new FocusEventArgs());

        var focused = JSInterop.VerifyFocusAsyncInvoke(calledTimes: 3).Select(f => ((ElementReference)f.Arguments[0]!).Id);
        Assert.Equal([code, code, cancel], focused);
        Assert.NotNull(dialog.Find("[role=dialog]"));
    }

    [Fact]
    public async Task Escape_ClosesTheDialogAsCancelDoes()
    {
        var (dialog, form, submitted) = await KeyWaitingForACodeAsync();

        await dialog.Find("#step-up-code").KeyDownAsync(new KeyboardEventArgs { Key = "a" });
        Assert.NotNull(dialog.Find("[role=dialog]"));
        await dialog.Find("#step-up-code").KeyDownAsync(new KeyboardEventArgs { Key = "Escape" });

        dialog.WaitForAssertion(() => Assert.Empty(dialog.FindAll("[role=dialog]")));
        await submitted;
        form.WaitForAssertion(() => Assert.Contains("Not done: the code was not given.", form.Find(".problem").TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain(Api.Requests, r => r.Path == "auth/mfa/step-up");
    }

    [Fact]
    public async Task SensitiveRequest_WithoutADialogOnScreen_EndsUndoneInsteadOfWaiting()
    {
        await SignedInAsync();
        Api.On(HttpMethod.Post, "api-keys", HttpStatusCode.Forbidden, MfaRequired);
        var form = Render<BrokerKeyForm>();

        FillKey(form);
        await form.Find("form").SubmitAsync().WaitAsync(TimeSpan.FromSeconds(10), Xunit.TestContext.Current.CancellationToken);

        form.WaitForAssertion(() => Assert.Contains("Not done: the code was not given.", form.Find(".problem").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignOutEverywhere_ForATotpUser_StepsUpWithARecoveryCodeThenEndsEverySignIn()
    {
        await SignedInAsync();
        Api.On(HttpMethod.Get, "auth/me", HttpStatusCode.OK,
                """{"id":"0193c1a0-0000-7000-8000-0000000000aa","email":"ann@example.com","full_name":"Ann","role":"trader","is_verified":true}""")
            .On(HttpMethod.Get, "auth/mfa", HttpStatusCode.OK, """{"totp_enabled":true,"setup_pending":false,"enabled_at":"2026-01-05T10:00:00Z","recovery_codes_left":10}""")
            .On(HttpMethod.Post, "auth/logout-all", HttpStatusCode.Forbidden, MfaRequired)
            .On(HttpMethod.Post, "auth/mfa/step-up", HttpStatusCode.OK, """{"mfa_proof":"proof-2","expires_in":300}""")
            .On(HttpMethod.Post, "auth/logout-all", HttpStatusCode.NoContent, "");
        var dialog = Render<MfaStepUpDialog>();
        var page = Render<RiskPlatform.Web.Pages.Security>();
        page.WaitForAssertion(() => Assert.Equal("verified", page.Find("[data-testid=email-verified]").TextContent));

        page.Button("Sign out everywhere").Click();
        page.Button("Sign out everywhere now").Click();
        dialog.WaitForAssertion(() => Assert.NotNull(dialog.Find("[role=dialog]")));
        Assert.NotNull(Store.Stored); // not signed out before the second factor
        await EnterCodeAsync(dialog, "aaaaa-bbbbb");

        page.WaitForAssertion(() => Assert.Null(Store.Stored));
        Assert.Equal([null, "proof-2"], Api.Requests.Where(r => r.Path == "auth/logout-all").Select(r => r.MfaProof));
        Assert.Null(Services.GetRequiredService<ApiSession>().MfaProof); // signed out: the proof goes with the session
    }

    [Fact]
    public async Task TwoSensitiveRequests_RefusedTogether_ShareOneQuestionAndBothGoAgainWithTheProof()
    {
        await SignedInAsync();
        Api.On(HttpMethod.Delete, $"api-keys/{FirstKey}", HttpStatusCode.Forbidden, MfaRequired)
            .On(HttpMethod.Delete, $"api-keys/{SecondKey}", HttpStatusCode.Forbidden, MfaRequired)
            .On(HttpMethod.Delete, $"api-keys/{FirstKey}", HttpStatusCode.NoContent, "")
            .On(HttpMethod.Delete, $"api-keys/{SecondKey}", HttpStatusCode.NoContent, "")
            .On(HttpMethod.Post, "auth/mfa/step-up", HttpStatusCode.OK, """{"mfa_proof":"proof-3","expires_in":300}""");
        var dialog = Render<MfaStepUpDialog>();
        var client = Services.GetRequiredService<RiskPlatformClient>();

        var first = client.RevokeBrokerKeyAsync(FirstKey, Xunit.TestContext.Current.CancellationToken);
        var second = client.RevokeBrokerKeyAsync(SecondKey, Xunit.TestContext.Current.CancellationToken);
        dialog.WaitForAssertion(() => Assert.Single(dialog.FindAll("[role=dialog]")));
        dialog.WaitForAssertion(() => Assert.Equal(2, Api.Requests.Count(r => r.Method == HttpMethod.Delete)));
        await EnterCodeAsync(dialog, "123456");
        await Task.WhenAll(first, second).WaitAsync(TimeSpan.FromSeconds(10), Xunit.TestContext.Current.CancellationToken);

        Assert.Single(Api.Requests, r => r.Path == "auth/mfa/step-up");
        foreach (var key in new[] { FirstKey, SecondKey })
        {
            Assert.Equal([null, "proof-3"], Api.Requests.Where(r => r.Path == $"api-keys/{key}").Select(r => r.MfaProof));
        }
    }

    private static readonly Guid FirstKey = Guid.Parse("0193c1a0-0000-7000-8000-000000000011");
    private static readonly Guid SecondKey = Guid.Parse("0193c1a0-0000-7000-8000-000000000012");

    private const string Secret = "sk-live-secret-0123456789";

    /// <summary>A broker key submitted while the API wants a second factor: the dialog is open and the submit still waits on it.</summary>
    private async Task<(IRenderedComponent<MfaStepUpDialog> Dialog, IRenderedComponent<BrokerKeyForm> Form, Task Submitted)> KeyWaitingForACodeAsync()
    {
        await SignedInAsync();
        Api.On(HttpMethod.Post, "api-keys", HttpStatusCode.Forbidden, MfaRequired);
        var dialog = Render<MfaStepUpDialog>();
        var form = Render<BrokerKeyForm>(parameters => parameters.Add(f => f.OnAdded, _ => Assert.Fail("The key was added without a code.")));
        FillKey(form);
        var submitted = form.Find("form").SubmitAsync();
        dialog.WaitForAssertion(() => Assert.NotNull(dialog.Find("[role=dialog]")));
        return (dialog, form, submitted);
    }

    private static void FillKey(IRenderedComponent<BrokerKeyForm> form)
    {
        form.Find("#key-name").Change("Live");
        form.Find("#key-api-key").Change("PKTEST1234567890");
        form.Find("#key-api-secret").Change(Secret);
    }

    private static async Task EnterCodeAsync(IRenderedComponent<MfaStepUpDialog> dialog, string code)
    {
        dialog.Find("#step-up-code").Change(code);
        await dialog.Find("[role=dialog] form").SubmitAsync();
    }

    private static string ReferenceOf(AngleSharp.Dom.IElement element) =>
        element.GetAttribute("blazor:elementReference") is { Length: > 0 } id ? id : throw new InvalidOperationException($"{element.OuterHtml} has no reference.");

    private static string? CodeOf(string? body) =>
        System.Text.Json.JsonDocument.Parse(body!).RootElement.GetProperty("code").GetString();
}
