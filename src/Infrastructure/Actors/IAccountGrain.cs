using Orleans.Concurrency;

namespace RiskPlatform.Infrastructure.Actors;

/// <summary>
/// One trading account (keyed by its user's id): the one writer of that account's orders, positions, rules, trading state and
/// broker binding. Orleans runs one command of an activation at a time and keeps one activation per key in the cluster; reads
/// and <see cref="Forget"/> run beside them.
/// </summary>
[Alias("riskplatform.account")]
public interface IAccountGrain : IGrainWithGuidKey
{
    [Alias("execute")]
    Task<AccountCallResult> Execute(AccountCall call, CancellationToken cancellationToken);

    /// <summary>Answers an account read, from what the actor remembers of the account where it can.</summary>
    [Alias("read"), AlwaysInterleave]
    Task<AccountCallResult> Read(AccountCall call, CancellationToken cancellationToken);

    /// <summary>Drops what the actor remembers: the account's rows were changed outside the service.</summary>
    [Alias("forget"), AlwaysInterleave]
    Task Forget();

    /// <summary>
    /// New quotes of symbols the account holds have committed: what the actor remembers of them is replaced, and the actor
    /// screens its account for the monitor with them (after answering).
    /// </summary>
    [Alias("quotes-changed"), AlwaysInterleave]
    Task QuotesChanged(AccountQuotes quotes);
}
