using MediatR;
using RiskPlatform.Application.Common.Messaging;

namespace RiskPlatform.Application.RiskRules.Commands.DeleteRiskRule;

/// <summary>Deletes one of the caller's rules. Its breach history stays (see ListRiskRuleBreachesQuery).</summary>
public sealed record DeleteRiskRuleCommand(Guid Id) : IAccountCommand<Unit>;
