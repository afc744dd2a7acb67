using System.Globalization;
using MediatR;
using Microsoft.Extensions.Options;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Portfolio.Monitoring;
using RiskPlatform.Application.Portfolio.Specifications;
using RiskPlatform.Domain.Portfolio.Monitoring;

namespace RiskPlatform.Application.Portfolio.Commands.RecordMonitorActionFailure;

internal sealed class RecordMonitorActionFailureCommandHandler(
    IRepository<MonitorAction> actions,
    AuditScope audit,
    IOptions<MonitoringOptions> options,
    TimeProvider timeProvider) : IRequestHandler<RecordMonitorActionFailureCommand, MonitorActionStatus>
{
    public async Task<MonitorActionStatus> Handle(RecordMonitorActionFailureCommand request, CancellationToken cancellationToken)
    {
        var action = await actions.FirstOrDefaultAsync(new MonitorActionOfUserSpec(request.UserId, request.ActionId), cancellationToken)
            ?? throw new NotFoundException("Monitor action", request.ActionId);
        audit.ActAs(action.UserId).Target("monitor_action", action.Id);
        var gaveUp = action.RecordFailure(request.Error, timeProvider.GetUtcNow().UtcDateTime, options.Value.MaxActionAttempts);
        audit.Describe(gaveUp
            ? string.Create(CultureInfo.InvariantCulture, $"Monitor action failed {action.Attempts} times; given up: {action.LastError}")
            : string.Create(CultureInfo.InvariantCulture, $"Monitor action attempt {action.Attempts} failed; will retry: {action.LastError}"));
        return action.Status;
    }
}
