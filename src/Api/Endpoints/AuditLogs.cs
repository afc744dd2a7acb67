using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RiskPlatform.Api.Infrastructure;
using RiskPlatform.Application.AuditLogs.Queries.ListAuditLogs;
using RiskPlatform.Application.Common.Paging;

namespace RiskPlatform.Api.Endpoints;

internal sealed class AuditLogs : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("audit-logs", "Audit").RequireAuthorization();
        group.MapGet("/", ListAuditLogs)
            .WithSummary("The caller's audit trail, newest first")
            .WithDescription("Every command the caller sent (succeeded, failed or denied) with its resource, description, address and trace id; filters: resource_type, resource_id, from, to; paged by limit and offset.");
    }

    public static async Task<Ok<IReadOnlyList<AuditLogDto>>> ListAuditLogs(
        IMediator mediator,
        CancellationToken cancellationToken,
        [FromQuery(Name = "resource_type")] string? resourceType = null,
        [FromQuery(Name = "resource_id")] Guid? resourceId = null,
        [FromQuery(Name = "from")] DateTime? from = null,
        [FromQuery(Name = "to")] DateTime? to = null,
        [FromQuery(Name = "limit")] int limit = PageRequest.DefaultLimit,
        [FromQuery(Name = "offset")] int offset = 0) =>
        TypedResults.Ok(await mediator.Send(new ListAuditLogsQuery(resourceType, resourceId, from, to, limit, offset), cancellationToken));
}
