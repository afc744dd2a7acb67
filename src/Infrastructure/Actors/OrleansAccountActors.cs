using RiskPlatform.Application.Common.Actors;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Common.Messaging;
using RiskPlatform.Infrastructure.Persistence;

namespace RiskPlatform.Infrastructure.Actors;

/// <summary><see cref="IAccountActors"/> on Orleans: a command or read goes to the account's grain wherever the cluster placed it.</summary>
internal sealed class OrleansAccountActors(
    IGrainFactory grains, ICurrentUser currentUser, IRequestContext requestContext, SqliteGroupSync groupSync) : IAccountActors
{
    public Task<TResponse> SendAsync<TResponse>(Guid accountUserId, IAccountCommand<TResponse> command, CancellationToken cancellationToken) =>
        CallAsync<TResponse>(accountUserId, command, (grain, call) => grain.Execute(call, cancellationToken));

    public Task<TResponse> QueryAsync<TResponse>(Guid accountUserId, IAccountQuery<TResponse> query, CancellationToken cancellationToken) =>
        CallAsync<TResponse>(accountUserId, query, (grain, call) => grain.Read(call, cancellationToken));

    public async Task ForgetAsync(Guid accountUserId, CancellationToken cancellationToken)
    {
        try
        {
            await grains.GetGrain<IAccountGrain>(accountUserId).Forget().WaitAsync(cancellationToken);
        }
        catch (Exception exception) when (IsUnreachable(exception))
        {
            throw Unavailable(exception);
        }
    }

    public async Task QuotesChangedAsync(Guid accountUserId, IReadOnlyList<QuoteMark> quotes, CancellationToken cancellationToken)
    {
        try
        {
            await grains.GetGrain<IAccountGrain>(accountUserId).QuotesChanged(AccountQuotes.From(quotes)).WaitAsync(cancellationToken);
        }
        catch (Exception exception) when (IsUnreachable(exception))
        {
            throw Unavailable(exception);
        }
    }

    private async Task<TResponse> CallAsync<TResponse>(
        Guid accountUserId, object request, Func<IAccountGrain, AccountCall, Task<AccountCallResult>> send)
    {
        ArgumentNullException.ThrowIfNull(request);
        var call = new AccountCall(
            ActorPayload.TypeName(request.GetType()),
            ActorPayload.Write(request, request.GetType()),
            currentUser.UserId,
            requestContext.IpAddress,
            requestContext.UserAgent,
            requestContext.TraceId);

        AccountCallResult result;
        try
        {
            result = await send(grains.GetGrain<IAccountGrain>(accountUserId), call);
        }
        catch (Exception exception) when (IsUnreachable(exception))
        {
            throw Unavailable(exception);
        }

        // The command committed on the actor, which went on to its next command; on SQLite the answer waits for a sync of the log
        // that began after that commit (docs/decisions/039).
        if (result.AwaitDurable)
        {
            await groupSync.WaitDurableAsync();
        }

        if (result.Failure is { } failure)
        {
            throw failure.ToException();
        }

        return (TResponse)result.Result!.Value!;
    }

    private static bool IsUnreachable(Exception exception) =>
        exception is SiloUnavailableException or OrleansMessageRejectionException or TimeoutException or ClientNotAvailableException
            or Orleans.Runtime.OrleansException;

    private static ServiceUnavailableException Unavailable(Exception exception) =>
        new("account_unavailable", "The trading account could not be reached; try again.", exception) { RetryAfter = TimeSpan.FromSeconds(1) };
}
