namespace RiskPlatform.Application.Common.Messaging;

/// <summary>
/// A read of one trading account that its actor answers from what it remembers of the account (<see cref="Actors.AccountMemory"/>):
/// the risk reads that judge "what would an order meet" (portfolio risk, max-quantity, the risk test, position sizing). The
/// <see cref="Behaviours.AccountActorBehaviour{TRequest,TResponse}"/> sends it to the caller's actor after validation; there it
/// may run beside a command (seeing the account before or after that command's commit, as a database read would) and beside
/// other reads.
/// </summary>
public interface IAccountQuery<out TResponse> : IQuery<TResponse>, IAccountQueryMarker;

/// <summary>Non-generic marker for <see cref="IAccountQuery{TResponse}"/>: what the actor accepts from the wire as a read.</summary>
public interface IAccountQueryMarker;
