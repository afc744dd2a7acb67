using System.Reflection;
using FluentValidation;
using FluentValidation.Validators;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace RiskPlatform.Api.Infrastructure;

/// <summary>
/// Declares a request schema's required fields from its FluentValidation validators: a property with an unconditional
/// <c>NotNull</c> or <c>NotEmpty</c> rule is required on the wire (rotate's <c>new_api_key</c> and <c>new_api_secret</c>, an
/// order's <c>symbol</c>, <c>side</c>, <c>qty</c>). The validators stay the one source of the rule. A command's <c>id</c> comes
/// from the route, never from the body, and is left out.
/// </summary>
internal sealed class RequiredFromValidators : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo is not null || schema.Properties is not { Count: > 0 })
        {
            return Task.CompletedTask;
        }

        var type = context.JsonTypeInfo.Type;
        using var scope = context.ApplicationServices.CreateScope();
        var validators = scope.ServiceProvider.GetServices(typeof(IValidator<>).MakeGenericType(type)).OfType<IValidator>().ToList();
        if (validators.Count == 0)
        {
            return Task.CompletedTask;
        }

        foreach (var property in context.JsonTypeInfo.Properties)
        {
            if (property.AttributeProvider is not MemberInfo member || member.Name == "Id" || !schema.Properties.ContainsKey(property.Name))
            {
                continue;
            }

            if (validators.Any(validator => IsRequired(validator.CreateDescriptor(), member.Name)))
            {
                schema.Required ??= new HashSet<string>();
                schema.Required.Add(property.Name);
            }
        }

        return Task.CompletedTask;
    }

    private static bool IsRequired(IValidatorDescriptor descriptor, string member) =>
        descriptor.GetRulesForMember(member).SelectMany(rule => rule.Components)
            .Any(component => !component.HasCondition && !component.HasAsyncCondition
                && component.Validator is INotNullValidator or INotEmptyValidator);
}
