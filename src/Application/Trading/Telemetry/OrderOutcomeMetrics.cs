using System.Diagnostics;
using MediatR;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Trading.Commands.PlaceOrder;
using RiskPlatform.Application.Trading.Common;
using RiskPlatform.Domain.RiskRules;
using RiskPlatform.Domain.RiskRules.Engine;
using RiskPlatform.Domain.Trading.Orders;

namespace RiskPlatform.Application.Trading.Telemetry;

/// <summary>
/// Counts every new order by its pre-trade outcome and times the decision, read from what the handler returns or throws (the
/// handler itself knows nothing of metrics). It runs on the account's actor, outside audit and the unit of work, so an order
/// is counted once, after its transaction committed. A blocked order also counts once per rule type that blocked it (not
/// the alert-only rules it breached); an order blocked before any rule ran counts under no rule type. A resubmission of an
/// earlier order (same client order id) is not a new decision and is not counted.
/// </summary>
internal sealed class OrderOutcomeMetrics(IRiskMetrics metrics) : IPipelineBehavior<PlaceOrderCommand, PlaceOrderResult>
{
    public async Task<PlaceOrderResult> Handle(PlaceOrderCommand request, CancellationToken cancellationToken, RequestHandlerDelegate<PlaceOrderResult> next)
    {
        var started = Stopwatch.GetTimestamp();
        PlaceOrderResult result;
        try
        {
            result = await next();
        }
        catch (RefusedException refused) when (refused.Code == OrderErrors.Blocked)
        {
            metrics.OrderDecided(RiskDecisionOutcome.Blocked, Stopwatch.GetElapsedTime(started));
            var blocking = BlockingRuleTypes(refused);
            if (blocking.Count == 0)
            {
                metrics.OrderBlockedBy(null);
            }

            foreach (var ruleType in blocking)
            {
                metrics.OrderBlockedBy(ruleType);
            }

            throw;
        }

        if (result.Created)
        {
            metrics.OrderDecided(result.Order.Decision, Stopwatch.GetElapsedTime(started));
        }

        return result;
    }

    private static List<RiskRuleType> BlockingRuleTypes(RefusedException refused) =>
        refused.Extensions.TryGetValue("breaches", out var value) && value is IEnumerable<RuleBreachDto> breaches
            ? [.. breaches.Where(breach => breach.Action != RiskAction.Alert).Select(breach => breach.RuleType).Distinct()]
            : [];
}
