using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Common.Messaging;

namespace RiskPlatform.Benchmarks.Pipeline;

/// <summary>The benchmarks here send no account command; the pipeline only needs the port to resolve.</summary>
internal sealed class UnusedAccountActors : IAccountActors
{
    public Task<TResponse> SendAsync<TResponse>(Guid accountUserId, IAccountCommand<TResponse> command, CancellationToken cancellationToken) =>
        throw new NotSupportedException("These benchmarks send no account command.");
}
