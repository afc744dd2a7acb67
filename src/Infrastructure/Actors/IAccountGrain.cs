namespace RiskPlatform.Infrastructure.Actors;

/// <summary>
/// One trading account (keyed by its user's id): the one writer of that account's orders, positions, rules, trading state and
/// broker binding. Orleans runs one call of an activation at a time and keeps one activation per key in the cluster.
/// </summary>
[Alias("riskplatform.account")]
public interface IAccountGrain : IGrainWithGuidKey
{
    [Alias("execute")]
    Task<AccountCallResult> Execute(AccountCall call, CancellationToken cancellationToken);
}
