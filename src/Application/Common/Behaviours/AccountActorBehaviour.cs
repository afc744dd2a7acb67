using MediatR;
using RiskPlatform.Application.Common.Actors;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Common.Messaging;

namespace RiskPlatform.Application.Common.Behaviours;

/// <summary>
/// Sends an <see cref="IAccountCommand{TResponse}"/> to its account's actor (after validation, so bad input never leaves the
/// node), where the same pipeline runs again from the top and this behaviour lets it through to audit, unit of work and the
/// handler. Every other request passes straight on. The account is the caller's, or the one a service command names.
/// </summary>
internal sealed class AccountActorBehaviour<TRequest, TResponse>(
    AccountActorCall actorCall,
    ICurrentUser currentUser,
    IAccountActors actors) : IPipelineBehavior<TRequest, TResponse>
{
    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (actorCall.IsActive || request is not IAccountCommand<TResponse> command)
        {
            return next();
        }

        var accountUserId = request is IServiceAccountCommand named ? named.AccountUserId : currentUser.RequireUserId();
        return actors.SendAsync(accountUserId, command, cancellationToken);
    }
}
