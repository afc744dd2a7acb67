using RiskPlatform.Application.Common.Messaging;

namespace RiskPlatform.Application.Common.Interfaces;

/// <summary>
/// The port to the account actors: one actor per trading account, the only writer of that account in the whole cluster.
/// Commands sent to one account run one at a time, in arrival order, on whichever node hosts its actor.
/// </summary>
public interface IAccountActors
{
    /// <summary>
    /// Runs <paramref name="command"/> on the actor of <paramref name="accountUserId"/>'s account, through the rest of the pipeline,
    /// and returns its result; the command's exceptions (validation, not found, refused, conflict, unavailable) reach the caller
    /// as they were thrown. An actor that cannot be reached is a <see cref="Exceptions.ServiceUnavailableException"/>.
    /// </summary>
    Task<TResponse> SendAsync<TResponse>(Guid accountUserId, IAccountCommand<TResponse> command, CancellationToken cancellationToken);
}
