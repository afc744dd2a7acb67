using Ardalis.Specification;
using RiskPlatform.Application.Auth.Common;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.Auditing;
using RiskPlatform.Domain.Users;

namespace RiskPlatform.Benchmarks.Pipeline;

/// <summary>A unit of work with nothing behind it: what is left is the cost of the pipeline calling it.</summary>
internal sealed class NoOpUnitOfWork : IUnitOfWork
{
    public int Saves { get; private set; }

    public Task SaveChangesAsync(CancellationToken cancellationToken)
    {
        Saves++;
        return Task.CompletedTask;
    }

    public Task<IUnitOfWorkTransaction> BeginTransactionAsync(CancellationToken cancellationToken) => Task.FromResult<IUnitOfWorkTransaction>(NoOpTransaction.Instance);

    public Task CommitSoFarAsync(CancellationToken cancellationToken) => SaveChangesAsync(cancellationToken);

    public void DiscardChanges()
    {
    }

    private sealed class NoOpTransaction : IUnitOfWorkTransaction
    {
        public static readonly NoOpTransaction Instance = new();

        public Task CommitAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task RollbackAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

/// <summary>
/// Keeps the audit rows it is given (the last one, and how many), so the benchmark can check that the pipeline wrote them
/// without growing a list over millions of invocations. Reads are never used by the pipeline.
/// </summary>
internal sealed class InMemoryAuditLogRepository : IRepository<AuditLog>
{
    public AuditLog? Last { get; private set; }

    public long Count { get; private set; }

    public void Add(AuditLog aggregate)
    {
        Last = aggregate;
        Count++;
    }

    public void Remove(AuditLog aggregate) => throw new NotSupportedException();

    public AuditLog Track(AuditLog aggregate) => throw new NotSupportedException();

    public bool IsSaved(AuditLog aggregate) => throw new NotSupportedException();

    public Task<int> DeleteAsync(ISpecification<AuditLog> specification, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<AuditLog?> FirstOrDefaultAsync(ISpecification<AuditLog> specification, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<TResult?> FirstOrDefaultAsync<TResult>(ISpecification<AuditLog, TResult> specification, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<List<AuditLog>> ListAsync(ISpecification<AuditLog> specification, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<List<TResult>> ListAsync<TResult>(ISpecification<AuditLog, TResult> specification, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<int> CountAsync(ISpecification<AuditLog> specification, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<bool> AnyAsync(ISpecification<AuditLog> specification, CancellationToken cancellationToken) => throw new NotSupportedException();
}

/// <summary>One signed-in user, answered for any user query (the handler still builds its specification).</summary>
internal sealed class SingleUserReadRepository(UserDto user) : IReadRepository<User>
{
    public Task<User?> FirstOrDefaultAsync(ISpecification<User> specification, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<TResult?> FirstOrDefaultAsync<TResult>(ISpecification<User, TResult> specification, CancellationToken cancellationToken) =>
        Task.FromResult(user is TResult result ? result : default);

    public Task<List<User>> ListAsync(ISpecification<User> specification, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<List<TResult>> ListAsync<TResult>(ISpecification<User, TResult> specification, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<int> CountAsync(ISpecification<User> specification, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<bool> AnyAsync(ISpecification<User> specification, CancellationToken cancellationToken) => throw new NotSupportedException();
}

/// <summary>No user has a second factor: the measured commands need no recent one anyway.</summary>
internal sealed class NoTotpAuthenticators : IReadRepository<TotpAuthenticator>
{
    public Task<TotpAuthenticator?> FirstOrDefaultAsync(ISpecification<TotpAuthenticator> specification, CancellationToken cancellationToken) =>
        Task.FromResult<TotpAuthenticator?>(null);

    public Task<TResult?> FirstOrDefaultAsync<TResult>(ISpecification<TotpAuthenticator, TResult> specification, CancellationToken cancellationToken) =>
        Task.FromResult<TResult?>(default);

    public Task<List<TotpAuthenticator>> ListAsync(ISpecification<TotpAuthenticator> specification, CancellationToken cancellationToken) => Task.FromResult(new List<TotpAuthenticator>());

    public Task<List<TResult>> ListAsync<TResult>(ISpecification<TotpAuthenticator, TResult> specification, CancellationToken cancellationToken) => Task.FromResult(new List<TResult>());

    public Task<int> CountAsync(ISpecification<TotpAuthenticator> specification, CancellationToken cancellationToken) => Task.FromResult(0);

    public Task<bool> AnyAsync(ISpecification<TotpAuthenticator> specification, CancellationToken cancellationToken) => Task.FromResult(false);
}

/// <summary>One refresh-token family with one live token, answered for any specification.</summary>
internal sealed class SingleFamilyRefreshTokenRepository(RefreshToken token) : IRepository<RefreshToken>
{
    public void Add(RefreshToken aggregate) => throw new NotSupportedException();

    public void Remove(RefreshToken aggregate) => throw new NotSupportedException();

    public RefreshToken Track(RefreshToken aggregate) => throw new NotSupportedException();

    public bool IsSaved(RefreshToken aggregate) => throw new NotSupportedException();

    public Task<int> DeleteAsync(ISpecification<RefreshToken> specification, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<RefreshToken?> FirstOrDefaultAsync(ISpecification<RefreshToken> specification, CancellationToken cancellationToken) => Task.FromResult<RefreshToken?>(token);

    public Task<TResult?> FirstOrDefaultAsync<TResult>(ISpecification<RefreshToken, TResult> specification, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<List<RefreshToken>> ListAsync(ISpecification<RefreshToken> specification, CancellationToken cancellationToken) => Task.FromResult(new List<RefreshToken> { token });

    public Task<List<TResult>> ListAsync<TResult>(ISpecification<RefreshToken, TResult> specification, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<int> CountAsync(ISpecification<RefreshToken> specification, CancellationToken cancellationToken) => Task.FromResult(1);

    public Task<bool> AnyAsync(ISpecification<RefreshToken> specification, CancellationToken cancellationToken) => Task.FromResult(true);
}

internal sealed class FixedCurrentUser(Guid userId) : ICurrentUser
{
    public Guid? UserId => userId;

    public Guid RequireUserId() => userId;
}

internal sealed class FixedRequestContext : IRequestContext
{
    public string? IpAddress => "203.0.113.7";

    public string? UserAgent => "benchmark/1.0";

    public string? TraceId => "4bf92f3577b34da6a3ce929d0e0e4736";

    public string? MfaProof => null;
}

/// <summary>Token hashing without cryptography, so the handler's own work stays small and the pipeline's share visible.</summary>
internal sealed class FixedTokenService : ITokenService
{
    public TimeSpan AccessTokenLifetime => TimeSpan.FromMinutes(15);

    public TimeSpan RefreshTokenLifetime => TimeSpan.FromDays(30);

    public TimeSpan SessionLifetime => TimeSpan.FromDays(30);

    public string CreateAccessToken(Guid userId, string email, string role, Guid sessionId) => "access";

    public (string Token, string Hash) CreateRefreshToken() => ("refresh", "refresh-hash");

    public string HashRefreshToken(string token) => "refresh-hash";

    public TimeSpan MfaChallengeLifetime => TimeSpan.FromMinutes(5);

    public string CreateMfaChallenge(Guid userId) => "challenge";

    public Guid? ReadMfaChallenge(string token) => null;

    public TimeSpan MfaProofLifetime => TimeSpan.FromMinutes(5);

    public string CreateMfaProof(Guid userId, Guid authenticatorId) => "proof";

    public Guid? ReadMfaProof(string proof, Guid authenticatorId) => null;
}

/// <summary>No hub connections to close.</summary>
internal sealed class NoSessionConnections : ISessionConnections
{
    public static readonly NoSessionConnections Instance = new();

    public int Close(Guid sessionId) => 0;

    public int CloseAllOf(Guid userId) => 0;
}

/// <summary>The pipeline's own cost, without the database chain lock (measured end to end by bench/http instead).</summary>
internal sealed class UnchainedAuditChain : IAuditChain
{
    public Task LinkAsync(AuditLog row, CancellationToken cancellationToken) => Task.CompletedTask;
}

internal sealed class NoAuditRetryQueue : IAuditRetryQueue
{
    public bool TryEnqueue(AuditLog row) => false;
}
