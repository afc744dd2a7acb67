using System.Net;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using RiskPlatform.Web.ComponentTests.Support;
using RiskPlatform.Web.Pages;

namespace RiskPlatform.Web.ComponentTests.Layout;

public sealed class SignInTests : WebAppTest
{
    [Fact]
    public async Task SignIn_WhenTheServiceRefuses_ShowsItsProblemAndStaysSignedOut()
    {
        Store.Stored = null;
        Api.On(HttpMethod.Post, "auth/login", HttpStatusCode.Unauthorized,
            """{"title":"Unauthorized.","status":401,"detail":"Incorrect email or password.","code":"invalid_credentials"}""");
        var cut = Render<SignIn>();

        cut.Find("#email").Change("ann@example.com");
        cut.Find("#password").Change("wrong");
        await cut.Find("form").SubmitAsync();

        cut.WaitForAssertion(() => Assert.Contains("Incorrect email or password.", cut.Find(".problem").TextContent, StringComparison.Ordinal));
        Assert.Null(Store.Stored);
    }

    [Fact]
    public async Task SignIn_WithASecondFactor_AsksForTheCodeThenKeepsTheSessionAndOpensTheDashboard()
    {
        Store.Stored = null;
        Api.On(HttpMethod.Post, "auth/login", HttpStatusCode.OK, """{"mfa_required":true,"challenge_token":"challenge-1","expires_in":300}""");
        Api.On(HttpMethod.Post, "auth/mfa/verify", HttpStatusCode.Unauthorized,
            """{"title":"Unauthorized.","status":401,"detail":"The code is not valid.","code":"invalid_mfa_code"}""");
        Api.On(HttpMethod.Post, "auth/mfa/verify", HttpStatusCode.OK,
            """{"access_token":"access-2","refresh_token":"refresh-2","token_type":"bearer","expires_in":900}""");
        var cut = Render<SignIn>();

        cut.Find("#email").Change("ann@example.com");
        cut.Find("#password").Change("Correct-Horse-42");
        await cut.Find("form").SubmitAsync();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("#code")));
        Assert.Null(Store.Stored);

        cut.Find("#code").Change("000000");
        await cut.Find("form").SubmitAsync();
        cut.WaitForAssertion(() => Assert.Contains("The code is not valid.", cut.Find(".problem").TextContent, StringComparison.Ordinal));
        Assert.Null(Store.Stored);

        cut.Find("#code").Change(" 123456 ");
        await cut.Find("form").SubmitAsync();

        cut.WaitForAssertion(() => Assert.Equal("access-2", Store.Stored?.AccessToken));
        Assert.Equal("ann@example.com", Store.Stored!.Email);
        Assert.Equal("http://localhost/", Services.GetRequiredService<NavigationManager>().Uri);
        var verified = Api.Requests.Where(r => r.Path == "auth/mfa/verify").Last().Body!;
        Assert.Contains("\"challenge_token\":\"challenge-1\"", verified, StringComparison.Ordinal);
        Assert.Contains("\"code\":\"123456\"", verified, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_WhenAccepted_SignsInKeepsTheSessionAndOpensTheDashboard()
    {
        Store.Stored = null;
        Api.On(HttpMethod.Post, "auth/register", HttpStatusCode.Created,
            """{"id":"0193c1a0-0000-7000-8000-0000000000aa","email":"ann@example.com","full_name":"Ann","role":"trader"}""");
        Api.On(HttpMethod.Post, "auth/login", HttpStatusCode.OK,
            """{"access_token":"access-9","refresh_token":"refresh-9","token_type":"bearer","expires_in":900}""");
        var cut = Render<SignIn>();

        cut.FindAll("button.link").Single().Click();
        cut.Find("#full-name").Change("Ann");
        cut.Find("#email").Change("ann@example.com");
        cut.Find("#password").Change("Correct-Horse-42");
        await cut.Find("form").SubmitAsync();

        cut.WaitForAssertion(() => Assert.Equal("access-9", Store.Stored?.AccessToken));
        Assert.Equal("ann@example.com", Store.Stored!.Email);
        Assert.Equal("http://localhost/", Services.GetRequiredService<NavigationManager>().Uri);
        Assert.Contains("\"full_name\":\"Ann\"", Api.Single(HttpMethod.Post, "auth/register").Body, StringComparison.Ordinal);
    }
}
