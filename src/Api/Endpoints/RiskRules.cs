using System.Text.Json;
using System.Text.Json.Serialization;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RiskPlatform.Api.Infrastructure;
using RiskPlatform.Application.Common.Paging;
using RiskPlatform.Application.RiskRules.Commands.CreateRiskRule;
using RiskPlatform.Application.RiskRules.Commands.DeleteRiskRule;
using RiskPlatform.Application.RiskRules.Commands.UpdateRiskRule;
using RiskPlatform.Application.RiskRules.Common;
using RiskPlatform.Application.RiskRules.Queries.GetRiskRule;
using RiskPlatform.Application.RiskRules.Queries.ListRiskRuleBreaches;
using RiskPlatform.Application.RiskRules.Queries.ListRiskRules;
using RiskPlatform.Domain.RiskRules;

namespace RiskPlatform.Api.Endpoints;

/// <summary>
/// Risk-rule management. The pre-trade checks under the same path (<c>/test</c>, <c>/max-quantity</c>) live in RiskChecks;
/// every route here is the collection root or a typed <c>{id:guid}</c>, so neither can capture the other's literal routes.
/// Commands return after their save; the endpoint then reads the stored rule so timestamps and counters are as persisted.
/// </summary>
internal sealed class RiskRules : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("risk-rules", "Risk rules").RequireAuthorization();
        group.MapPost("/", CreateRiskRule)
            .WithSummary("Create a risk rule")
            .WithDescription("Fields: name (1 to 255), description, rule_type, threshold_value (> 0), threshold_unit (default percent), action (default alert), is_active (default true), strategy_id, and the type's parameters (symbols, window_seconds, …). 400 when the action or unit does not suit the type.");
        group.MapGet("/", ListRiskRules)
            .WithSummary("The caller's risk rules, newest first")
            .WithDescription("Filters: strategy_id, is_active, rule_type.");
        group.MapGet("/{id:guid}", GetRiskRule)
            .WithSummary("One risk rule")
            .WithDescription("Its settings, breach_count and last_breach_at. 404 for another user's rule.");
        group.MapPut("/{id:guid}", UpdateRiskRule)
            .WithSummary("Update a risk rule")
            .WithDescription("A partial update: absent fields keep their value. The pre-trade check uses the new settings from the next order.");
        group.MapDelete("/{id:guid}", DeleteRiskRule)
            .WithSummary("Delete a risk rule")
            .WithDescription("204. Its breach history is kept.");
        group.MapGet("/{id:guid}/breaches", ListRiskRuleBreaches)
            .WithSummary("A rule's breaches, newest first")
            .WithDescription("Pre-trade breaches and the monitor's episodes (start, end, worst value, action), paged by limit and offset.");
    }

    public static async Task<Created<RiskRuleDto>> CreateRiskRule(CreateRiskRuleCommand command, IMediator mediator, CancellationToken cancellationToken)
    {
        var id = await mediator.Send(command, cancellationToken);
        return TypedResults.Created($"/api/v1/risk-rules/{id}", await mediator.Send(new GetRiskRuleQuery(id), cancellationToken));
    }

    public static async Task<Ok<IReadOnlyList<RiskRuleDto>>> ListRiskRules(
        IMediator mediator,
        CancellationToken cancellationToken,
        [FromQuery(Name = "strategy_id")] Guid? strategyId = null,
        [FromQuery(Name = "is_active")] bool? isActive = null,
        [FromQuery(Name = "rule_type")] string? ruleType = null) =>
        TypedResults.Ok(await mediator.Send(new ListRiskRulesQuery(strategyId, isActive, ruleType), cancellationToken));

    public static async Task<Ok<RiskRuleDto>> GetRiskRule(Guid id, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetRiskRuleQuery(id), cancellationToken));

    public static async Task<Ok<RiskRuleDto>> UpdateRiskRule(
        Guid id, UpdateRiskRuleRequest request, IMediator mediator, CancellationToken cancellationToken)
    {
        await mediator.Send(request.ToCommand(id), cancellationToken);
        return TypedResults.Ok(await mediator.Send(new GetRiskRuleQuery(id), cancellationToken));
    }

    public static async Task<NoContent> DeleteRiskRule(Guid id, IMediator mediator, CancellationToken cancellationToken)
    {
        await mediator.Send(new DeleteRiskRuleCommand(id), cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<IReadOnlyList<RiskBreachDto>>> ListRiskRuleBreaches(
        Guid id,
        IMediator mediator,
        CancellationToken cancellationToken,
        [FromQuery(Name = "limit")] int limit = PageRequest.DefaultLimit,
        [FromQuery(Name = "offset")] int offset = 0) =>
        TypedResults.Ok(await mediator.Send(new ListRiskRuleBreachesQuery(id, limit, offset), cancellationToken));

    /// <summary>
    /// The body of a partial update, which has to tell an absent field (unchanged) from a JSON null. <c>description</c> and
    /// <c>strategy_id</c> are the nullable fields: null clears them (a rule without a strategy applies to every strategy).
    /// Every other field refuses null with a 400 naming it; send <c>symbols: []</c> to apply a rule to every symbol.
    /// </summary>
    internal sealed record UpdateRiskRuleRequest
    {
        public string? Name { get; init => field = value ?? throw NullNotAllowed("name"); }

        public string? Description
        {
            get;
            init
            {
                field = value;
                DescriptionSent = true;
            }
        }

        public RiskRuleType? RuleType { get; init => field = value ?? throw NullNotAllowed("rule_type"); }

        public decimal? ThresholdValue { get; init => field = value ?? throw NullNotAllowed("threshold_value"); }

        public ThresholdUnit? ThresholdUnit { get; init => field = value ?? throw NullNotAllowed("threshold_unit"); }

        public RiskAction? Action { get; init => field = value ?? throw NullNotAllowed("action"); }

        public bool? IsActive { get; init => field = value ?? throw NullNotAllowed("is_active"); }

        public Guid? StrategyId
        {
            get;
            init
            {
                field = value;
                StrategyIdSent = true;
            }
        }

        public IReadOnlyList<string>? Symbols { get; init => field = value ?? throw NullNotAllowed("symbols"); }

        public RiskRuleParams? Params { get; init => field = value ?? throw NullNotAllowed("params"); }

        [JsonIgnore]
        public bool DescriptionSent { get; private set; }

        [JsonIgnore]
        public bool StrategyIdSent { get; private set; }

        public UpdateRiskRuleCommand ToCommand(Guid id) => new(
            id,
            Name,
            DescriptionSent ? Description ?? string.Empty : null,
            RuleType,
            ThresholdValue,
            ThresholdUnit,
            Action,
            IsActive,
            StrategyId,
            ClearStrategyId: StrategyIdSent && StrategyId is null,
            Symbols,
            Params);

        private static JsonException NullNotAllowed(string field) => new($"{field} cannot be null; leave it out to keep the current value.");
    }
}
