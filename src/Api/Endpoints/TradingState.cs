using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using RiskPlatform.Api.Infrastructure;
using RiskPlatform.Application.Portfolio.Commands.HaltTrading;
using RiskPlatform.Application.Portfolio.Commands.ResumeTrading;
using RiskPlatform.Application.Portfolio.Commands.SetTradingDayConvention;
using RiskPlatform.Application.Portfolio.Common;
using RiskPlatform.Application.Portfolio.Queries.GetTradingDayConvention;
using RiskPlatform.Application.Portfolio.Queries.GetTradingState;
using RiskPlatform.Domain.Portfolio.State;

namespace RiskPlatform.Api.Endpoints;

/// <summary>
/// The trading state and the manual kill switch (halt refuses every order, resume — only from halted — lets them pass again), and
/// the trading-day convention that decides when the day-start equity rolls.
/// </summary>
internal sealed class TradingState : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("trading", "Trading").RequireAuthorization();
        group.MapGet("/state", GetTradingState)
            .WithDescription("A reducing account accepts only orders that shrink a position; a halted one refuses every order until resumed.").WithSummary("The trading state (active, reducing, halted), its reason and since when");
        group.MapPost("/halt", HaltTrading)
            .WithDescription("Body {reason?} (default MANUAL_HALT). Every order is refused with 422 trading_halted until /trading/resume.").WithSummary("Manual kill switch: halt trading; orders are refused until resumed");
        group.MapPost("/resume", ResumeTrading)
            .WithDescription("The state becomes active and the high-water mark is set to the current equity.").WithSummary("Resume trading after a halt (409 when not halted); re-baselines the high-water mark");
        group.MapGet("/day-convention", GetTradingDayConvention)
            .WithDescription("When the trading day starts and ends decides daily loss and the reducing state's expiry.")
            .WithSummary("The trading-day convention (us_equities until chosen) and the current trading day's start and end");
        group.MapPut("/day-convention", SetTradingDayConvention)
            .WithSummary("Choose the trading day: {convention: us_equities | utc | time_zone, time_zone?} (time_zone: an IANA id)")
            .WithDescription("400 naming time_zone when it is missing or unknown for the time_zone convention, or given for another one.");
    }

    public static async Task<Ok<TradingStateDto>> GetTradingState(IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetTradingStateQuery(), cancellationToken));

    public static async Task<Ok<TradingStateDto>> HaltTrading(HaltTradingCommand? command, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(command ?? new HaltTradingCommand(), cancellationToken));

    public static async Task<Ok<TradingStateDto>> ResumeTrading(IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ResumeTradingCommand(), cancellationToken));

    public static async Task<Ok<TradingDayConventionDto>> GetTradingDayConvention(IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetTradingDayConventionQuery(), cancellationToken));

    public static async Task<Ok<TradingDayConventionDto>> SetTradingDayConvention(
        SetTradingDayConventionCommand command, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(command, cancellationToken));
}
