using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace RiskPlatform.Api.Hubs;

/// <summary>
/// Browsers cannot set headers on a websocket request, so hub clients send the access token as <c>?access_token=</c>.
/// Accepted only under <c>/hubs</c>, so API URLs (and their logs) never carry tokens.
/// </summary>
internal static class HubAccessToken
{
    public const string QueryParameter = "access_token";
    public const string HubsPathPrefix = "/hubs";

    public static Task FromQueryString(MessageReceivedContext context)
    {
        var token = context.Request.Query[QueryParameter].ToString();
        if (!string.IsNullOrEmpty(token) && context.Request.Path.StartsWithSegments(HubsPathPrefix, StringComparison.OrdinalIgnoreCase))
        {
            context.Token = token;
        }

        return Task.CompletedTask;
    }
}
