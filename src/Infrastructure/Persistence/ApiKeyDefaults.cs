using Microsoft.EntityFrameworkCore;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.ApiKeys;

namespace RiskPlatform.Infrastructure.Persistence;

/// <summary><c>UPDATE api_keys SET is_default = false …</c> at once, inside the command's transaction.</summary>
internal sealed class ApiKeyDefaults(RiskPlatformDbContext dbContext) : IApiKeyDefaults
{
    public Task ClearDefaultAsync(Guid userId, Broker broker, Guid exceptApiKeyId, DateTime now, CancellationToken cancellationToken) =>
        dbContext.Set<ApiKey>()
            .Where(k => k.UserId == userId && k.Broker == broker && k.IsDefault && k.Id != exceptApiKeyId)
            .ExecuteUpdateAsync(
                setters => setters
                    .SetProperty(k => k.IsDefault, false)
                    .SetProperty(k => k.UpdatedAt, now)
                    .SetProperty(k => k.ConcurrencyStamp, Guid.NewGuid()),
                cancellationToken);
}
