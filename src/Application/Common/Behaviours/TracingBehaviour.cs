using System.Diagnostics;
using MediatR;
using RiskPlatform.Application.Common.Actors;
using RiskPlatform.Application.Common.Messaging;
using RiskPlatform.Application.Common.Telemetry;
using RiskPlatform.Domain.Common;

namespace RiskPlatform.Application.Common.Behaviours;

/// <summary>
/// Outermost: one span per command or query, named for it (<c>PlaceOrderCommand</c>). An account command gets its span where
/// it is sent; its second pass on the account's actor adds none (its database and broker spans nest under the grain call).
/// The span carries the request's kind and, on failure, the exception type and error code: never a field of the request,
/// so no secret can reach a trace.
/// </summary>
internal sealed class TracingBehaviour<TRequest, TResponse>(AccountActorCall actorCall) : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly string SpanName = typeof(TRequest).Name;
    private static readonly string Kind = typeof(ICommandMarker).IsAssignableFrom(typeof(TRequest)) ? "command" : "query";

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (actorCall.IsActive && request is IAccountCommandMarker)
        {
            return await next();
        }

        using var activity = RiskPlatformTelemetry.ActivitySource.StartActivity(SpanName, ActivityKind.Internal);
        activity?.SetTag("riskplatform.request.kind", Kind);
        try
        {
            return await next();
        }
        catch (Exception exception) when (activity is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error);
            activity.SetTag("error.type", exception.GetType().Name);
            if (exception is DomainException domain)
            {
                activity.SetTag("riskplatform.error.code", domain.Code);
            }

            throw;
        }
    }
}
