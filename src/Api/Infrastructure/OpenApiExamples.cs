using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace RiskPlatform.Api.Infrastructure;

/// <summary>
/// Examples for the main requests and responses, as a client would send and receive them (snake_case, lowercase enum
/// values), keyed by operationId. The OpenAPI completeness test names the operations that must have them.
/// </summary>
internal sealed class OpenApiExamples : IOpenApiOperationTransformer
{
    /// <summary>The operations whose request body carries an example.</summary>
    public static IReadOnlyDictionary<string, string> Requests { get; } = new Dictionary<string, string>
    {
        ["Register"] = """{"email":"trader@example.com","password":"Correct-Horse-42","full_name":"Ada Trader"}""",
        ["Login"] = """{"email":"trader@example.com","password":"Correct-Horse-42"}""",
        ["Refresh"] = """{"refresh_token":"1f4c…"}""",
        ["CreateRiskRule"] = """{"name":"Max AAPL position","rule_type":"max_position_size","threshold_value":10000,"threshold_unit":"dollars","action":"block","is_active":true}""",
        ["PlaceOrder"] = """{"symbol":"AAPL","side":"buy","qty":10,"type":"limit","limit_price":190.5,"time_in_force":"day","client_order_id":"my-order-0001"}""",
        ["TestRiskRules"] = """{"symbol":"AAPL","order_qty":50}""",
        ["CreateApiKey"] = """{"broker":"alpaca","name":"Paper account","is_paper_trading":true,"is_default":true,"api_key":"PKXXXXXXXXXXXXXXXXXX","api_secret":"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}""",
        ["RotateApiKey"] = """{"new_api_key":"PKYYYYYYYYYYYYYYYYYY","new_api_secret":"yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy"}""",
        ["CreateNotificationPreference"] = """{"notification_type":"risk_breach","channel":"email","is_enabled":true,"min_priority":"high","quiet_hours_enabled":false}""",
    };

    /// <summary>The operations whose success response carries an example, by status.</summary>
    public static IReadOnlyDictionary<string, (string Status, string Json)> Responses { get; } = new Dictionary<string, (string, string)>
    {
        ["Refresh"] = ("200", """{"access_token":"eyJhbGciOi…","refresh_token":"1f4c…","token_type":"bearer","expires_in":900}"""),
        ["PlaceOrder"] = ("201", """{"id":"0199a0e0-0000-7000-8000-000000000010","client_order_id":"my-order-0001","symbol":"AAPL","side":"buy","type":"limit","time_in_force":"day","requested_qty":10,"qty":10,"limit_price":190.5,"status":"new","filled_qty":0,"decision":"accepted","binding_rule":null,"alerts":[],"submitted_at":"2026-12-07T14:30:00Z","created_at":"2026-12-07T14:30:00Z","updated_at":"2026-12-07T14:30:00Z"}"""),
        ["TestRiskRules"] = ("200", """{"would_block":true,"would_warn":false,"breaches":[{"rule_id":"0199a0e0-0000-7000-8000-000000000020","rule_name":"Max AAPL position","rule_type":"max_position_size","threshold":10000,"current_value":9500,"action":"block","message":"Position value 9,500 + order would exceed 10,000"}]}"""),
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.OperationId is not { } id)
        {
            return Task.CompletedTask;
        }

        if (Requests.TryGetValue(id, out var request) && operation.RequestBody?.Content?.TryGetValue("application/json", out var body) == true)
        {
            body.Example = JsonNode.Parse(request);
        }

        if (Responses.TryGetValue(id, out var response) && operation.Responses?.TryGetValue(response.Status, out var declared) == true
            && declared.Content?.TryGetValue("application/json", out var content) == true)
        {
            content.Example = JsonNode.Parse(response.Json);
        }

        return Task.CompletedTask;
    }
}
