using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Common.Messaging;

namespace RiskPlatform.Benchmarks.Pipeline;

/// <summary>The benchmarks here send no account command or read; the pipeline only needs the port to resolve.</summary>
internal sealed class UnusedAccountActors : IAccountActors
{
    public Task<TResponse> SendAsync<TResponse>(Guid accountUserId, IAccountCommand<TResponse> command, CancellationToken cancellationToken) =>
        throw new NotSupportedException("These benchmarks send no account command.");

    public Task<TResponse> QueryAsync<TResponse>(Guid accountUserId, IAccountQuery<TResponse> query, CancellationToken cancellationToken) =>
        throw new NotSupportedException("These benchmarks send no account read.");

    /// <summary>No actor remembers anything here, so there is nothing to forget.</summary>
    public Task ForgetAsync(Guid accountUserId, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>No actor remembers quotes here, so there is nothing to tell.</summary>
    public Task QuotesChangedAsync(Guid accountUserId, IReadOnlyList<Application.Common.Actors.QuoteMark> quotes, CancellationToken cancellationToken) =>
        Task.CompletedTask;
}
