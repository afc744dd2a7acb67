namespace RiskPlatform.Application.Common.Messaging;

/// <summary>
/// A command on one trading account (orders, rules, trading state, broker binding, the monitor's runs and actions, the paper
/// broker's fills). It runs on that account's actor, the one writer of the account wherever the request arrives: the
/// <see cref="Behaviours.AccountActorBehaviour{TRequest,TResponse}"/> forwards it there after validation, and the actor runs the
/// rest of the pipeline (audit, unit of work, handler). The account is the signed-in caller's, unless the command is a
/// <see cref="IServiceAccountRequest"/>.
/// </summary>
public interface IAccountCommand<out TResponse> : ICommand<TResponse>, IAccountCommandMarker;

/// <summary>Non-generic marker for <see cref="IAccountCommand{TResponse}"/>: what the actor accepts from the wire.</summary>
public interface IAccountCommandMarker;
