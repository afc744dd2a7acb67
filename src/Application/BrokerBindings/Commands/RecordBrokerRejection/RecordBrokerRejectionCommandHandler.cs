using MediatR;
using RiskPlatform.Application.ApiKeys.Common;
using RiskPlatform.Application.ApiKeys.Specifications;
using RiskPlatform.Application.BrokerBindings.Specifications;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.ApiKeys;
using RiskPlatform.Domain.BrokerBindings;

namespace RiskPlatform.Application.BrokerBindings.Commands.RecordBrokerRejection;

/// <summary>A revoked or missing key changes nothing (its bindings already read as broker_unavailable).</summary>
internal sealed class RecordBrokerRejectionCommandHandler(
    IRepository<ApiKey> apiKeys,
    IRepository<BrokerBinding> bindings,
    AuditScope audit,
    TimeProvider timeProvider) : IRequestHandler<RecordBrokerRejectionCommand, Unit>
{
    public async Task<Unit> Handle(RecordBrokerRejectionCommand request, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        audit.Target(ApiKeyAccess.ResourceType, request.ApiKeyId);
        var key = await apiKeys.FirstOrDefaultAsync(new ApiKeyByIdSpec(request.ApiKeyId), cancellationToken);
        if (key is null || key.Status == ApiKeyStatus.Revoked)
        {
            audit.Describe("Broker rejection of a missing or revoked API key ignored");
            return Unit.Value;
        }

        audit.ActAs(key.UserId).Describe($"The broker rejected API key '{key.Name}' during trading");
        key.RecordError(request.Message, brokerRejected: true, now);
        key.UpdatedAt = now;
        foreach (var binding in await bindings.ListAsync(new BrokerBindingsForApiKeySpec(key.Id), cancellationToken))
        {
            if (binding.MarkUnavailable(request.Message, now))
            {
                binding.UpdatedAt = now;
            }
        }

        return Unit.Value;
    }
}
