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

    /// <summary>
    /// Answers <paramref name="query"/> on the actor of <paramref name="accountUserId"/>'s account, from what it remembers of the
    /// account where it can (<see cref="Actors.AccountMemory"/>). Exceptions and an unreachable actor as for
    /// <see cref="SendAsync{TResponse}"/>.
    /// </summary>
    Task<TResponse> QueryAsync<TResponse>(Guid accountUserId, IAccountQuery<TResponse> query, CancellationToken cancellationToken);

    /// <summary>
    /// Makes the actor of <paramref name="accountUserId"/>'s account forget what it remembers: for rows of that account changed
    /// outside the service (an operator's SQL, a test's seeding). Commands never need it.
    /// </summary>
    Task ForgetAsync(Guid accountUserId, CancellationToken cancellationToken);

    /// <summary>
    /// Tells the actor of <paramref name="accountUserId"/>'s account, which holds some of their symbols, that
    /// <paramref name="quotes"/> have committed, so that what it remembers of its quotes is never older than the database's
    /// (<see cref="Actors.AccountMemory.QuotesChanged"/>); the actor then screens its account for the portfolio monitor with them
    /// (<see cref="Portfolio.Monitoring.QuoteScreening"/>), after answering. An unreachable actor as for
    /// <see cref="SendAsync{TResponse}"/>.
    /// </summary>
    Task QuotesChangedAsync(Guid accountUserId, IReadOnlyList<Actors.QuoteMark> quotes, CancellationToken cancellationToken);
}
