using System.Net;
using System.Text.Json.Nodes;
using RiskPlatform.Api.FunctionalTests.Infrastructure;

namespace RiskPlatform.Api.FunctionalTests.Platform;

/// <summary>
/// The OpenAPI document is the contract clients (and the typed client) are built from: every operation has a summary and a
/// description, documents each problem status it can give as application/problem+json with a code, request bodies declare
/// their required fields, and the main operations carry examples. The rules are read from the document itself (route ids,
/// methods, inputs) and from the lists below, not from the code that writes the document.
/// </summary>
[Collection(nameof(SqliteCollection))]
public sealed class OpenApiCompletenessTests(SqliteApiFixture fixture) : FunctionalTest(fixture)
{
    /// <summary>Operations anyone may call: no 401 unless they sign in (the auth routes answer 401 for bad credentials).</summary>
    private static readonly HashSet<string> AnonymousOperations = ["GetPublicKey", "RecordSmsStatus"];

    /// <summary>Operations behind a rate limit (RateLimits) or the sign-in throttle: 429.</summary>
    private static readonly HashSet<string> RateLimited =
    [
        "Register", "Login", "Refresh", "VerifyEmail", "ResendVerification", "VerifyMfa", "VerifyApiKey", "SendTestNotification",
        "PlaceOrder", "TestRiskRules", "GetMaxQuantity", "GetPortfolioRisk", "CalculatePositionSize", "RunBacktest", "GetBacktestJob",
    ];

    /// <summary>
    /// Bodies whose fields are all optional by design: partial updates, and the quote and symbol bodies, which take one of
    /// several alternatives ({price} or {bid, ask, last?}).
    /// </summary>
    private static readonly HashSet<string> PartialUpdates =
    [
        "UpdateApiKey", "UpdateRiskRule", "UpdateNotificationPreference", "HaltTrading", "SetDefaultNotificationPreferences", "Logout",
        "SetMarketQuote", "SetSymbolReference",
    ];

    private static readonly string[] RequestExamples = ["Register", "Login", "CreateRiskRule", "PlaceOrder", "TestRiskRules", "CreateApiKey", "RotateApiKey"];

    private static readonly string[] ResponseExamples = ["Refresh", "PlaceOrder", "TestRiskRules"];

    [Fact]
    public async Task EveryOperation_HasSummaryDescriptionProblemResponsesRequiredFieldsAndTheMainExamples()
    {
        var document = await DocumentAsync();

        var missing = MissingDocumentation(document);

        Assert.True(missing.Count == 0, "The OpenAPI document is incomplete:\n" + string.Join("\n", missing));
    }

    [Fact]
    public async Task RotateApiKeyRequest_RequiresTheNewKeyAndSecret()
    {
        var schema = (await DocumentAsync())["components"]!["schemas"]!["RotateApiKeyCommand"]!;

        var required = schema["required"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();

        Assert.Contains("new_api_key", required);
        Assert.Contains("new_api_secret", required);
        Assert.DoesNotContain("id", required);
    }

    [Fact]
    public async Task CompletenessCheck_WithAnUndocumentedOperation_NamesWhatItLacks()
    {
        var document = await DocumentAsync();
        var operation = document["paths"]!["/api/v1/orders/{id}"]!["get"]!.AsObject();
        operation.Remove("summary");
        operation["responses"]!.AsObject().Remove("404");

        var missing = MissingDocumentation(document);

        Assert.Contains("GetOrder: no summary", missing);
        Assert.Contains("GetOrder: no 404 problem response", missing);
    }

    private async Task<JsonObject> DocumentAsync() =>
        (await Anonymous().GetAsync("/openapi/v1.json")).EnsureStatus(HttpStatusCode.OK).Body!.AsObject();

    private static List<string> MissingDocumentation(JsonObject document)
    {
        var missing = new List<string>();
        var schemas = document["components"]!["schemas"]!.AsObject();
        if (schemas["Problem"]?["properties"]?["code"] is null)
        {
            missing.Add("the Problem schema has no code");
        }

        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, node) in item!.AsObject())
            {
                var operation = node!.AsObject();
                var id = operation["operationId"]?.GetValue<string>() ?? $"{method} {path}";
                if (string.IsNullOrWhiteSpace(operation["summary"]?.GetValue<string>()))
                {
                    missing.Add($"{id}: no summary");
                }

                if (string.IsNullOrWhiteSpace(operation["description"]?.GetValue<string>()))
                {
                    missing.Add($"{id}: no description");
                }

                var responses = operation["responses"]!.AsObject();
                foreach (var status in ExpectedProblems(id, path, method, operation))
                {
                    var content = responses[status]?["content"]?.AsObject();
                    if (content is null || !content.Any(c => c.Key == "application/problem+json" && c.Value?["schema"] is not null))
                    {
                        missing.Add($"{id}: no {status} problem response");
                    }
                }

                if (!PartialUpdates.Contains(id) && RequestSchema(operation, schemas) is { } body && body["properties"] is JsonObject { Count: > 0 }
                    && body["required"] is not JsonArray { Count: > 0 })
                {
                    missing.Add($"{id}: its request body declares no required field");
                }
            }
        }

        foreach (var id in RequestExamples.Where(id => Operation(document, id)?["requestBody"]?["content"]?["application/json"]?["example"] is null))
        {
            missing.Add($"{id}: no request example");
        }

        foreach (var id in ResponseExamples.Where(id => Operation(document, id)?["responses"]?.AsObject()
                     .Any(r => r.Key.StartsWith('2') && r.Value?["content"]?["application/json"]?["example"] is not null) != true))
        {
            missing.Add($"{id}: no response example");
        }

        return missing;
    }

    private static IEnumerable<string> ExpectedProblems(string id, string path, string method, JsonObject operation)
    {
        if (operation["parameters"] is JsonArray { Count: > 0 } || operation["requestBody"] is not null)
        {
            yield return "400";
        }

        if (!AnonymousOperations.Contains(id))
        {
            yield return "401";
        }

        if (path.Contains('{', StringComparison.Ordinal))
        {
            yield return "404";
        }

        if (method != "get")
        {
            yield return "409";
            yield return "422";
        }

        if (RateLimited.Contains(id))
        {
            yield return "429";
        }

        yield return "503";
    }

    private static JsonObject? RequestSchema(JsonObject operation, JsonObject schemas)
    {
        var schema = operation["requestBody"]?["content"]?["application/json"]?["schema"];
        return schema?["$ref"]?.GetValue<string>() is { } reference ? schemas[reference.Split('/')[^1]]?.AsObject() : schema as JsonObject;
    }

    private static JsonObject? Operation(JsonObject document, string operationId) =>
        document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject())
            .Select(o => o.Value!.AsObject())
            .FirstOrDefault(o => o["operationId"]?.GetValue<string>() == operationId);
}
