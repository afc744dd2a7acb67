using MediatR;
using RiskPlatform.Application.Common.Actors;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Common.Messaging;

namespace RiskPlatform.Application.Common.Behaviours;

/// <summary>
/// Sends an <see cref="IAccountCommand{TResponse}"/> to its account's actor (after validation, so bad input never leaves the
/// node), where the same pipeline runs again from the top and this behaviour lets it through to audit, unit of work and the
/// handler. An <see cref="IAccountQuery{TResponse}"/> goes to the caller's actor the same way, to be answered from its memory.
/// Every other request passes straight on. The account is the caller's, or the one a service request names.
/// </summary>
internal sealed class AccountActorBehaviour<TRequest, TResponse>(
    AccountActorCall actorCall,
    ICurrentUser currentUser,
    IAccountActors actors) : IPipelineBehavior<TRequest, TResponse>
{
    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (actorCall.IsActive)
        {
            return next();
        }

        return request switch
        {
            IAccountCommand<TResponse> command => actors.SendAsync(AccountOf(request), command, cancellationToken),
            IAccountQuery<TResponse> query => actors.QueryAsync(AccountOf(request), query, cancellationToken),
            _ => next(),
        };
    }

    private Guid AccountOf(TRequest request) =>
        request is IServiceAccountRequest named ? named.AccountUserId : currentUser.RequireUserId();
}
