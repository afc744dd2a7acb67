using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace RiskPlatform.Api.FunctionalTests.Infrastructure;

public sealed record ApiResponse(HttpStatusCode Status, JsonNode? Body, string Text, string? MediaType, HttpResponseHeaders Headers)
{
    public ApiResponse EnsureStatus(HttpStatusCode expected)
    {
        Assert.True(Status == expected, $"Expected {(int)expected} {expected} but got {(int)Status} {Status}: {Text}");
        return this;
    }

    /// <summary>Asserts an RFC 9457 problem with this status, carrying a trace id.</summary>
    public ApiResponse EnsureProblem(HttpStatusCode expected)
    {
        EnsureStatus(expected);
        Assert.Equal("application/problem+json", MediaType);
        Assert.Equal((int)expected, Body!["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(Body["trace_id"]?.GetValue<string>()), "problem has no trace_id");
        return this;
    }

    /// <summary>Asserts a 400 validation problem whose errors name exactly this field (among others).</summary>
    public ApiResponse EnsureValidationError(string field)
    {
        EnsureProblem(HttpStatusCode.BadRequest);
        var errors = Body!["errors"]?.AsObject();
        Assert.True(errors is not null && errors.ContainsKey(field), $"Expected an error for '{field}' in {Text}");
        return this;
    }

    public JsonArray Array => Body!.AsArray();
}
