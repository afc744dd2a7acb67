using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Messaging;
using RiskPlatform.Domain.Auditing;

namespace RiskPlatform.Api.Infrastructure;

/// <summary>
/// A signed-in caller refused by an endpoint's authorization policy (403) never reaches the pipeline, so the attempt is
/// recorded here: one <c>denied</c> row (error code <c>forbidden</c>) named like the command the endpoint sends
/// (<c>SetMarketQuote</c>). Reads are not recorded. The response is the default one.
/// </summary>
internal sealed class AuditingAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    public const string ErrorCode = "forbidden";

    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (authorizeResult.Forbidden && context.GetEndpoint() is { } endpoint && CommandAction(endpoint, context.Request.Method) is { } action)
        {
            var audit = context.RequestServices.GetRequiredService<AuditWriter>();
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>()
                .Select(a => a.Policy)
                .OfType<string>()
                .Distinct(StringComparer.Ordinal);
            await audit.RecordAloneAsync(action, AuditOutcome.Denied, ErrorCode, audit.Start(), "Refused by policy: " + string.Join(", ", policies));
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }

    /// <summary>
    /// The command an endpoint sends: the type of its command parameter, else (for a state-changing endpoint that builds
    /// its command from the route) the endpoint method's name, which is the command's name by convention.
    /// </summary>
    internal static string? CommandAction(Endpoint endpoint, string httpMethod)
    {
        if (endpoint.Metadata.OfType<MethodInfo>().FirstOrDefault() is not { } method)
        {
            return null;
        }

        var command = method.GetParameters().Select(p => p.ParameterType).FirstOrDefault(t => typeof(ICommandMarker).IsAssignableFrom(t));
        if (command is not null)
        {
            return AuditWriter.ActionOf(command);
        }

        return HttpMethods.IsGet(httpMethod) || HttpMethods.IsHead(httpMethod) || HttpMethods.IsOptions(httpMethod) ? null : method.Name;
    }
}
