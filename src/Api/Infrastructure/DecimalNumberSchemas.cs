using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace RiskPlatform.Api.Infrastructure;

/// <summary>
/// Decimals are written by <see cref="NormalizedDecimalConverter"/>, a custom converter, so the document generator cannot tell
/// their JSON type and leaves <c>qty</c> as <c>{"format": "double"}</c> and <c>limit_price</c> as <c>{}</c>: any JSON at all. This
/// declares them numbers (nullable ones number or null), so clients and generators type them; nothing else changes.
/// </summary>
internal sealed class DecimalNumberSchemas : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonPropertyInfo?.PropertyType ?? context.JsonTypeInfo.Type;
        if ((type == typeof(decimal) || type == typeof(decimal?)) && schema.Type is null)
        {
            schema.Type = type == typeof(decimal) ? JsonSchemaType.Number : JsonSchemaType.Number | JsonSchemaType.Null;
            schema.Format ??= "double";
        }

        return Task.CompletedTask;
    }
}
