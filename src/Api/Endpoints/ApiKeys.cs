using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RiskPlatform.Api.Infrastructure;
using RiskPlatform.Application.ApiKeys.Commands.CreateApiKey;
using RiskPlatform.Application.ApiKeys.Commands.RevokeApiKey;
using RiskPlatform.Application.ApiKeys.Commands.RotateApiKey;
using RiskPlatform.Application.ApiKeys.Commands.UpdateApiKey;
using RiskPlatform.Application.ApiKeys.Commands.VerifyApiKey;
using RiskPlatform.Application.ApiKeys.Common;
using RiskPlatform.Application.ApiKeys.Queries.GetApiKey;
using RiskPlatform.Application.ApiKeys.Queries.ListApiKeyAuditLogs;
using RiskPlatform.Application.ApiKeys.Queries.ListApiKeys;

namespace RiskPlatform.Api.Endpoints;

/// <summary>The broker credential vault. No response ever carries a key or a secret, only their hints.</summary>
internal sealed class ApiKeys : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("api-keys", "API keys").RequireAuthorization();
        group.MapPost("/", CreateApiKey);
        group.MapGet("/", ListApiKeys);
        group.MapGet("/{id:guid}", GetApiKey);
        group.MapPut("/{id:guid}", UpdateApiKey);
        group.MapDelete("/{id:guid}", RevokeApiKey);
        group.MapPost("/{id:guid}/rotate", RotateApiKey);
        group.MapPost("/{id:guid}/verify", VerifyApiKey).RequireRateLimiting(RateLimits.KeyVerification);
        group.MapGet("/{id:guid}/audit-logs", ListApiKeyAuditLogs);
    }

    public static async Task<Created<ApiKeyDto>> CreateApiKey(CreateApiKeyCommand command, IMediator mediator, CancellationToken cancellationToken)
    {
        var created = await mediator.Send(command, cancellationToken);
        return TypedResults.Created($"/api/v1/api-keys/{created.Id}", created);
    }

    public static async Task<Ok<IReadOnlyList<ApiKeyDto>>> ListApiKeys(
        IMediator mediator,
        CancellationToken cancellationToken,
        [FromQuery(Name = "broker")] string? broker = null,
        [FromQuery(Name = "status")] string? status = null) =>
        TypedResults.Ok(await mediator.Send(new ListApiKeysQuery(broker, status), cancellationToken));

    public static async Task<Ok<ApiKeyDto>> GetApiKey(Guid id, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetApiKeyQuery(id), cancellationToken));

    public static async Task<Ok<ApiKeyDto>> UpdateApiKey(Guid id, UpdateApiKeyCommand command, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(command with { Id = id }, cancellationToken));

    public static async Task<NoContent> RevokeApiKey(Guid id, IMediator mediator, CancellationToken cancellationToken)
    {
        await mediator.Send(new RevokeApiKeyCommand(id), cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<ApiKeyDto>> RotateApiKey(Guid id, RotateApiKeyCommand command, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(command with { Id = id }, cancellationToken));

    public static async Task<Ok<ApiKeyVerificationDto>> VerifyApiKey(Guid id, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new VerifyApiKeyCommand(id), cancellationToken));

    public static async Task<Ok<IReadOnlyList<ApiKeyAuditLogDto>>> ListApiKeyAuditLogs(
        Guid id,
        IMediator mediator,
        CancellationToken cancellationToken,
        [FromQuery(Name = "limit")] int limit = 100,
        [FromQuery(Name = "offset")] int offset = 0) =>
        TypedResults.Ok(await mediator.Send(new ListApiKeyAuditLogsQuery(id, limit, offset), cancellationToken));
}
