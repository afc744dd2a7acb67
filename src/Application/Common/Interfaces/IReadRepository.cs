using RiskPlatform.Application.Common.Specifications;
using RiskPlatform.Domain.Common;

namespace RiskPlatform.Application.Common.Interfaces;

/// <summary>Reads through specifications, without change tracking.</summary>
public interface IReadRepository<T>
    where T : class, IAggregateRoot
{
    Task<T?> FirstOrDefaultAsync(Specification<T> specification, CancellationToken cancellationToken);

    Task<TResult?> FirstOrDefaultAsync<TResult>(Specification<T, TResult> specification, CancellationToken cancellationToken);

    Task<List<T>> ListAsync(Specification<T> specification, CancellationToken cancellationToken);

    Task<List<TResult>> ListAsync<TResult>(Specification<T, TResult> specification, CancellationToken cancellationToken);

    Task<int> CountAsync(Specification<T> specification, CancellationToken cancellationToken);

    Task<bool> AnyAsync(Specification<T> specification, CancellationToken cancellationToken);
}
