using System.Globalization;
using MediatR;
using RiskPlatform.Application.ApiKeys.Common;
using RiskPlatform.Application.ApiKeys.Specifications;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.ApiKeys;

namespace RiskPlatform.Application.ApiKeys.Commands.SweepExpiredApiKeys;

internal sealed class SweepExpiredApiKeysCommandHandler(
    IRepository<ApiKey> apiKeys,
    AuditScope audit,
    TimeProvider timeProvider) : IRequestHandler<SweepExpiredApiKeysCommand, ApiKeySweepResult>
{
    public async Task<ApiKeySweepResult> Handle(SweepExpiredApiKeysCommand request, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var due = await apiKeys.ListAsync(new ApiKeysDueForExpirySweepSpec(now, request.BatchSize), cancellationToken);
        var (expired, notices) = (0, 0);
        foreach (var key in due)
        {
            if (key.NotifyExpiryIfDue(now) != ExpiryNotice.None)
            {
                notices++;
            }

            if (key.MarkExpiredIfDue(now))
            {
                expired++;
            }
        }

        audit.Target(ApiKeyAccess.ResourceType, null).Describe(string.Create(
            CultureInfo.InvariantCulture,
            $"Expiry sweep: {due.Count} keys examined, {expired} marked expired, {notices} notices raised"));
        return new ApiKeySweepResult(due.Count, expired, notices);
    }
}
