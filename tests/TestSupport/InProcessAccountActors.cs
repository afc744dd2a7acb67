using MediatR;
using Microsoft.Extensions.DependencyInjection;
using RiskPlatform.Application.Common.Actors;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Common.Messaging;

namespace RiskPlatform.TestSupport;

/// <summary>
/// The account actors without Orleans, for tests that compose the pipeline by hand: each command runs in a scope of its own
/// marked as an actor call, one at a time per account, exactly as the grain runs it (minus the wire).
/// </summary>
public sealed class InProcessAccountActors(IServiceScopeFactory scopes) : IAccountActors
{
    private readonly Dictionary<Guid, SemaphoreSlim> _accounts = [];

    public async Task<TResponse> SendAsync<TResponse>(Guid accountUserId, IAccountCommand<TResponse> command, CancellationToken cancellationToken)
    {
        var gate = GateOf(accountUserId);
        await gate.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<AccountActorCall>().Enter(new AccountCallOrigin(accountUserId, null, null, null));
            return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private SemaphoreSlim GateOf(Guid accountUserId)
    {
        lock (_accounts)
        {
            if (!_accounts.TryGetValue(accountUserId, out var gate))
            {
                gate = new SemaphoreSlim(1, 1);
                _accounts[accountUserId] = gate;
            }

            return gate;
        }
    }
}
