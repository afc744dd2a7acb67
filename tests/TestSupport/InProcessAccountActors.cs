using MediatR;
using Microsoft.Extensions.DependencyInjection;
using RiskPlatform.Application.Common.Actors;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Common.Messaging;
using RiskPlatform.Application.Portfolio.Monitoring;
using RiskPlatform.Application.Portfolio.Queries.ScreenPortfolioMonitor;
using RiskPlatform.Infrastructure.Persistence;

namespace RiskPlatform.TestSupport;

/// <summary>
/// The account actors without Orleans, for tests that compose the pipeline by hand: each command runs in a scope of its own
/// marked as an actor call, one at a time per account, and each read beside them with the account's memory, exactly as the grain
/// runs them (minus the wire), quotes told included: the account is then screened for the monitor where the service registers
/// <see cref="QuoteScreening"/>.
/// </summary>
public sealed class InProcessAccountActors(IServiceScopeFactory scopes) : IAccountActors
{
    private readonly Dictionary<Guid, (SemaphoreSlim Gate, AccountMemory Memory, ScreenRequests Screens)> _accounts = [];

    public async Task<TResponse> SendAsync<TResponse>(Guid accountUserId, IAccountCommand<TResponse> command, CancellationToken cancellationToken)
    {
        var (gate, memory, _) = AccountOf(accountUserId);
        await gate.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var actorCall = scope.ServiceProvider.GetRequiredService<AccountActorCall>();
            actorCall.EnterCommand(new AccountCallOrigin(accountUserId, null, null, null), memory, command.GetType());
            try
            {
                return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command, cancellationToken);
            }
            finally
            {
                // As the grain's caller does: a commit the command left to confirm is made durable before the answer.
                if (actorCall.DurabilityLeftToCaller && scope.ServiceProvider.GetService<SqliteGroupSync>() is { } groupSync)
                {
                    await groupSync.WaitDurableAsync();
                }
            }
        }
        finally
        {
            memory.CommandEnded(AccountMemory.PartsLeftUnchangedBy(command.GetType()));
            gate.Release();
        }
    }

    public async Task<TResponse> QueryAsync<TResponse>(Guid accountUserId, IAccountQuery<TResponse> query, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccountActorCall>()
            .EnterRead(new AccountCallOrigin(accountUserId, null, null, null), AccountOf(accountUserId).Memory);
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(query, cancellationToken);
    }

    public Task ForgetAsync(Guid accountUserId, CancellationToken cancellationToken)
    {
        AccountOf(accountUserId).Memory.Forget();
        return Task.CompletedTask;
    }

    public Task QuotesChangedAsync(Guid accountUserId, IReadOnlyList<QuoteMark> quotes, CancellationToken cancellationToken)
    {
        var (_, memory, screens) = AccountOf(accountUserId);
        memory.QuotesChanged(quotes);
        using (var scope = scopes.CreateScope())
        {
            scope.ServiceProvider.GetService<QuoteScreening>()?.Request(
                accountUserId, screens, token => QueryAsync(accountUserId, new ScreenPortfolioMonitorQuery(accountUserId), token));
        }

        return Task.CompletedTask;
    }

    private (SemaphoreSlim Gate, AccountMemory Memory, ScreenRequests Screens) AccountOf(Guid accountUserId)
    {
        lock (_accounts)
        {
            if (!_accounts.TryGetValue(accountUserId, out var account))
            {
                account = (new SemaphoreSlim(1, 1), new AccountMemory(accountUserId), new ScreenRequests());
                _accounts[accountUserId] = account;
            }

            return account;
        }
    }
}
