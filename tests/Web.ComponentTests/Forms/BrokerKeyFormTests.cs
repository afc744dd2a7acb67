using System.Net;
using Bunit;
using RiskPlatform.Web.ComponentTests.Support;
using RiskPlatform.Web.Forms;

namespace RiskPlatform.Web.ComponentTests.Forms;

public sealed class BrokerKeyFormTests : WebAppTest
{
    private const string Secret = "sk-very-secret-0123456789";

    [Fact]
    public async Task Add_WhenStored_ForgetsTheKeyAndSecretAndShowsThemNowhere()
    {
        await SignedInAsync();
        Api.On(HttpMethod.Post, "api-keys", HttpStatusCode.Created, """
            {"id":"0193c1a0-0000-7000-8000-000000000004","broker":"alpaca","name":"Paper","description":null,"is_paper_trading":true,
             "is_default":false,"status":"active","key_hint":"PK…7890","secret_hint":"…6789","usage_count":0,"last_used_at":null,
             "last_verified_at":null,"last_rotated_at":null,"revoked_at":null,"created_at":"2026-01-05T10:00:00Z"}
            """);
        var added = false;
        var cut = Render<BrokerKeyForm>(parameters => parameters.Add(form => form.OnAdded, _ => added = true));

        cut.Find("#key-name").Change("Paper");
        cut.Find("#key-api-key").Change("PKTEST1234567890");
        cut.Find("#key-api-secret").Change(Secret);
        await cut.Find("form").SubmitAsync();

        cut.WaitForAssertion(() => Assert.True(added));
        Assert.Contains(Secret, Api.Single(HttpMethod.Post, "api-keys").Body, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("PKTEST1234567890", cut.Markup, StringComparison.Ordinal);
        Assert.Equal("password", cut.Find("#key-api-secret").GetAttribute("type"));
    }

    [Fact]
    public async Task Add_WhenRefused_ShowsTheFieldErrorAndClearsTheSecret()
    {
        await SignedInAsync();
        Api.On(HttpMethod.Post, "api-keys", HttpStatusCode.BadRequest, """
            {"title":"One or more fields are invalid.","status":400,"errors":{"api_key":["'api_key' must not be empty."]}}
            """);
        var cut = Render<BrokerKeyForm>();

        cut.Find("#key-name").Change("Paper");
        cut.Find("#key-api-secret").Change(Secret);
        await cut.Find("form").SubmitAsync();

        cut.WaitForAssertion(() => Assert.Equal("'api_key' must not be empty.", cut.Find("#key-api-key ~ .field-error").TextContent));
        Assert.DoesNotContain(Secret, cut.Markup, StringComparison.Ordinal);
    }
}
