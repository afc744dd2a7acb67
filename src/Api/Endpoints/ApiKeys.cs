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
        group.MapPost("/", CreateApiKey)
            .WithSummary("Store a broker API key in the vault")
            .WithDescription("The key and secret are encrypted at rest (AES-GCM under the active master key) and never returned: the response carries only key_hint and secret_hint. 409 api_key.name_taken when the name is taken, api_key.limit_reached at the per-user key limit.");
        group.MapGet("/", ListApiKeys)
            .WithSummary("The caller's broker API keys, newest first")
            .WithDescription("Filters: broker, status. Without limit, every key that is not revoked and the most recently revoked ones (Vault:RevokedKeysListed, default 20; status revoked, revoked_at set). With limit (1-200) and offset, one page of every key the filters match, revoked ones included: ?status=revoked&limit=50&offset=50 walks all revoked keys. No secret is ever returned.");
        group.MapGet("/{id:guid}", GetApiKey)
            .WithSummary("One of the caller's API keys")
            .WithDescription("404 for an unknown id and for another user's key alike.");
        group.MapPut("/{id:guid}", UpdateApiKey)
            .WithSummary("Update an API key's name, description, account, base URL, paper flag, default flag or status")
            .WithDescription("A partial update: absent fields keep their value. Credentials change only by rotate. 409 api_key.name_taken when the new name is taken.");
        group.MapDelete("/{id:guid}", RevokeApiKey)
            .WithSummary("Revoke an API key (soft delete)")
            .WithDescription("The key's status becomes revoked and revoked_at is set; the row stays listed and audited.");
        group.MapPost("/{id:guid}/rotate", RotateApiKey)
            .WithSummary("Replace an API key's credentials")
            .WithDescription("Body {new_api_key, new_api_secret}, both required. The new credentials are encrypted as on create; last_rotated_at is set, and the new credentials start with a closed circuit breaker. The response never echoes them.");
        group.MapPost("/{id:guid}/verify", VerifyApiKey)
            .WithSummary("Check an API key against its broker")
            .WithDescription("Decrypts the key, checks its integrity (integrity_ok) and asks the broker (broker_check). is_valid is false with a message when the broker refuses; 503 broker_unavailable when it cannot be reached. Rate limited per user.").RequireRateLimiting(RateLimits.KeyVerification);
        group.MapGet("/{id:guid}/audit-logs", ListApiKeyAuditLogs)
            .WithSummary("The audit trail of one API key, newest first")
            .WithDescription("limit (default 100) and offset page the rows: who did what to the key, from which address, with which outcome.");
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
        [FromQuery(Name = "status")] string? status = null,
        [FromQuery(Name = "limit")] int? limit = null,
        [FromQuery(Name = "offset")] int? offset = null) =>
        TypedResults.Ok(await mediator.Send(new ListApiKeysQuery(broker, status, limit, offset), cancellationToken));

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
