using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Common.Messaging;

namespace RiskPlatform.Infrastructure.Actors;

/// <summary><see cref="IAccountActors"/> on Orleans: the command goes to the account's grain wherever the cluster placed it.</summary>
internal sealed class OrleansAccountActors(IGrainFactory grains, ICurrentUser currentUser, IRequestContext requestContext) : IAccountActors
{
    public async Task<TResponse> SendAsync<TResponse>(Guid accountUserId, IAccountCommand<TResponse> command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var call = new AccountCall(
            ActorPayload.TypeName(command.GetType()),
            ActorPayload.Write(command),
            currentUser.UserId,
            requestContext.IpAddress,
            requestContext.UserAgent,
            requestContext.TraceId);

        AccountCallResult result;
        try
        {
            result = await grains.GetGrain<IAccountGrain>(accountUserId).Execute(call, cancellationToken);
        }
        catch (Exception exception) when (exception is SiloUnavailableException or OrleansMessageRejectionException or TimeoutException
            or ClientNotAvailableException or Orleans.Runtime.OrleansException)
        {
            throw new ServiceUnavailableException("account_unavailable", "The trading account could not be reached; try again.", exception)
            {
                RetryAfter = TimeSpan.FromSeconds(1),
            };
        }

        if (result.Failure is { } failure)
        {
            throw failure.ToException();
        }

        return ActorPayload.Read<TResponse>(result.ResultJson!);
    }
}
