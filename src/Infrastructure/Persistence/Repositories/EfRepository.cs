using Ardalis.Specification;
using Mapster;
using Microsoft.EntityFrameworkCore;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.Common;

namespace RiskPlatform.Infrastructure.Persistence.Repositories;

/// <summary>Tracked access to an aggregate root. It never saves: the unit of work does, once per command.</summary>
internal class EfRepository<T>(RiskPlatformDbContext dbContext, TypeAdapterConfig mapping) : IRepository<T>
    where T : class, IAggregateRoot
{
    protected virtual IQueryable<T> Source => dbContext.Set<T>();

    public void Add(T aggregate) => dbContext.Set<T>().Add(aggregate);

    public void Remove(T aggregate) => dbContext.Set<T>().Remove(aggregate);

    public T Track(T aggregate)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        var set = dbContext.Set<T>();
        if (aggregate is Entity entity && set.Local.FindEntry(entity.Id) is { } tracked)
        {
            return tracked.Entity;
        }

        set.Attach(aggregate);
        return aggregate;
    }

    public bool IsSaved(T aggregate) => dbContext.Entry(aggregate).State == EntityState.Unchanged;

    public Task<int> DeleteAsync(ISpecification<T> specification, CancellationToken cancellationToken) =>
        SpecificationEvaluator.Apply(dbContext.Set<T>(), specification).ExecuteDeleteAsync(cancellationToken);

    public Task<T?> FirstOrDefaultAsync(ISpecification<T> specification, CancellationToken cancellationToken) =>
        SpecificationEvaluator.Apply(Source, specification).FirstOrDefaultAsync(cancellationToken);

    public Task<TResult?> FirstOrDefaultAsync<TResult>(ISpecification<T, TResult> specification, CancellationToken cancellationToken) =>
        SpecificationEvaluator.Apply(dbContext.Set<T>().AsNoTracking(), specification, mapping).FirstOrDefaultAsync(cancellationToken);

    public Task<List<T>> ListAsync(ISpecification<T> specification, CancellationToken cancellationToken) =>
        SpecificationEvaluator.Apply(Source, specification).ToListAsync(cancellationToken);

    public Task<List<TResult>> ListAsync<TResult>(ISpecification<T, TResult> specification, CancellationToken cancellationToken) =>
        SpecificationEvaluator.Apply(dbContext.Set<T>().AsNoTracking(), specification, mapping).ToListAsync(cancellationToken);

    public Task<int> CountAsync(ISpecification<T> specification, CancellationToken cancellationToken) =>
        SpecificationEvaluator.Apply(dbContext.Set<T>(), specification).CountAsync(cancellationToken);

    public Task<bool> AnyAsync(ISpecification<T> specification, CancellationToken cancellationToken) =>
        SpecificationEvaluator.Apply(dbContext.Set<T>(), specification).AnyAsync(cancellationToken);
}
