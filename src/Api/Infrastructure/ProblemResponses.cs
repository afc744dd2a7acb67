using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;

namespace RiskPlatform.Api.Infrastructure;

/// <summary>
/// Documents the problem responses every operation can give, as <c>application/problem+json</c> with the <c>Problem</c>
/// schema and the <c>code</c> values of each status, from what the endpoint is: 400 when it takes input, 401 when it needs
/// a sign-in (or signs in), 403 behind a role policy, 404 with a route id, 409 and 422 when it changes something, 429 when
/// it has a rate limit or signs in, and 503 always (database, broker or actor unavailable). Responses an endpoint declares
/// itself are kept as they are; this only adds the missing ones and the <c>Problem</c> schema. <c>x-problem-codes</c> lists the
/// codes of a status (for 409 and 422, which depend on the resource, the common ones).
/// </summary>
internal sealed class ProblemResponses : IOpenApiOperationTransformer, IOpenApiDocumentTransformer
{
    public const string SchemaName = "Problem";

    private static readonly Dictionary<int, (string Description, string[] Codes)> Statuses = new()
    {
        [400] = ("Invalid input: errors names each invalid field (snake_case) with its messages; a malformed body or parameter has code bad_request.", ["bad_request", "payload_too_large"]),
        [401] = ("Not signed in, or the credentials or token were refused.", ["unauthenticated", "invalid_token", "invalid_credentials", "invalid_refresh_token", "refresh_token_reused", "invalid_challenge", "invalid_mfa_code"]),
        [403] = ("Signed in without the role the operation needs.", ["forbidden"]),
        [404] = ("No such resource, or it belongs to another user (the two are not told apart).", ["not_found"]),
        [409] = ("The resource's current state forbids the change (a taken name, a concurrent update, an order no longer open); code names the conflict, e.g. one of x-problem-codes.", ["email_taken", "api_key.name_taken", "client_order_id_reused", "order_not_open"]),
        [422] = ("A business rule refused the request (e.g. an order blocked by risk rules, with the breached rules); code names the rule, e.g. one of x-problem-codes.", ["order_blocked", "trading_halted", "trading_reducing"]),
        [429] = ("Over a rate limit or the sign-in throttle; retry after the Retry-After header's seconds.", ["rate_limited", "too_many_login_attempts"]),
        [503] = ("A dependency is unavailable (the database, the broker, the account's actor); retry after Retry-After.", ["database_unavailable", "database_busy", "broker_unavailable", "account_unavailable", "master_key_unavailable"]),
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.Responses ??= [];
        foreach (var status in StatusesOf(context))
        {
            var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var (description, codes) = Statuses[status];
            if (operation.Responses.ContainsKey(key))
            {
                continue; // declared by the endpoint itself (ProducesProblem): kept as it is
            }

            operation.Responses[key] = new OpenApiResponse
            {
                Description = description,
                Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = Media(status, codes, context.Document) },
            };
        }

        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[SchemaName] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "An RFC 9457 problem document. code is stable and machine-readable; trace_id finds the request's logs and trace.",
            Required = new HashSet<string> { "title", "status" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri-reference" },
                ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
                ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["code"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Why the request failed, e.g. not_found, order_blocked, rate_limited." },
                ["trace_id"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["errors"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Description = "Validation failures: each invalid field (snake_case) with its messages.",
                    AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
                },
            },
            AdditionalPropertiesAllowed = true,
        };
        return Task.CompletedTask;
    }

    /// <summary>The problem statuses an endpoint can answer, from its route, method and metadata.</summary>
    internal static IEnumerable<int> StatusesOf(OpenApiOperationTransformerContext context)
    {
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var path = description.RelativePath ?? string.Empty;
        var signsIn = path.StartsWith("api/v1/auth/", StringComparison.Ordinal);
        var secured = !metadata.OfType<IAllowAnonymous>().Any() && metadata.OfType<IAuthorizeData>().Any();
        var mutating = description.HttpMethod is "POST" or "PUT" or "DELETE" or "PATCH";
        if (description.ParameterDescriptions.Count > 0)
        {
            yield return 400;
        }

        if (secured || signsIn)
        {
            yield return 401;
        }

        if (metadata.OfType<IAuthorizeData>().Any(a => a.Policy is not null || a.Roles is not null) || path.Contains("sms/status", StringComparison.Ordinal))
        {
            yield return 403;
        }

        if (path.Contains('{', StringComparison.Ordinal))
        {
            yield return 404;
        }

        if (mutating)
        {
            yield return 409;
            yield return 422;
        }

        if (metadata.OfType<EnableRateLimitingAttribute>().Any() || signsIn)
        {
            yield return 429;
        }

        yield return 503;
    }

    private static OpenApiMediaType Media(int status, string[] codes, OpenApiDocument? document) => new()
    {
        Schema = new OpenApiSchemaReference(SchemaName, document),
        Example = new JsonObject
        {
            ["title"] = Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) + ".",
            ["status"] = status,
            ["detail"] = "What went wrong, in words.",
            ["code"] = codes[0],
            ["trace_id"] = "4bf92f3577b34da6a3ce929d0e0e4736",
        },
        Extensions = new Dictionary<string, IOpenApiExtension>
        {
            ["x-problem-codes"] = new JsonNodeExtension(new JsonArray([.. codes.Select(code => (JsonNode)JsonValue.Create(code))])),
        },
    };
}
