using Mapster;
using Microsoft.EntityFrameworkCore;
using RiskPlatform.Domain.Common;

namespace RiskPlatform.Infrastructure.Persistence.Repositories;

/// <summary>Untracked reads for queries.</summary>
internal sealed class EfReadRepository<T>(RiskPlatformDbContext dbContext, TypeAdapterConfig mapping) : EfRepository<T>(dbContext, mapping)
    where T : class, IAggregateRoot
{
    protected override IQueryable<T> Source => base.Source.AsNoTracking();
}
