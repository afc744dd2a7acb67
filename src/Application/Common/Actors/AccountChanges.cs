using RiskPlatform.Application.Common.Interfaces;

namespace RiskPlatform.Application.Common.Actors;

/// <summary>
/// The parts of its account that a command changes and hands back to its actor's <see cref="AccountMemory"/>, so that the
/// next command and every read start from them without reading the database (docs/decisions/037). On the account's actor a
/// command gets a copy of what the actor remembers, tracked as stored (unchanged), or loads the part tracked when nothing is
/// remembered. Once its transaction has committed, the actor keeps a copy of what the command left, in place of what it
/// remembered before. A command that fails keeps nothing, and the actor drops the part as before.
/// Elsewhere (reads, other accounts, outside an actor) the part is simply loaded.
/// </summary>
/// <remarks>
/// What is kept is exactly what committed: the command's tracked instance, saved by the unit of work, copied after the commit
/// (the copy leaves out what a load would not return, such as filled orders). An instance the command no longer tracks as
/// saved (its changes were discarded) is not kept. The stored concurrency stamp travels with the copy, so a row changed
/// outside the service without <c>IAccountActors.ForgetAsync</c> makes the next command's save fail instead of overwriting it.
/// </remarks>
public sealed class AccountChanges(AccountActorCall actorCall, IAfterCommitActions afterCommit)
{
    private readonly Dictionary<string, Func<object?>> _kept = new(StringComparer.Ordinal);
    private bool _handOverQueued;

    /// <summary>
    /// <paramref name="part"/> of <paramref name="accountUserId"/>'s account, to change in this command: on its actor a tracked
    /// copy of the remembered part (<paramref name="track"/> attaches it as stored and returns the instance the command tracks),
    /// otherwise <paramref name="load"/>'s tracked answer. Null when the account has no such row.
    /// </summary>
    public async Task<T?> LoadAsync<T>(
        Guid accountUserId,
        string part,
        Func<CancellationToken, Task<T?>> load,
        Func<T, T> copy,
        Func<T, T> track,
        Func<T, bool> isSaved,
        CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(load);
        ArgumentNullException.ThrowIfNull(copy);
        ArgumentNullException.ThrowIfNull(track);
        if (!actorCall.RunsCommandOn(accountUserId))
        {
            return await load(cancellationToken);
        }

        var value = actorCall.Memory!.TryRecall<T>(part, out var remembered)
            ? remembered is null ? null : track(copy(remembered))
            : await load(cancellationToken);
        Keep(accountUserId, part, value, copy, isSaved);
        return value;
    }

    /// <summary>
    /// The aggregate <paramref name="specification"/> finds in <paramref name="repository"/> (one row of the account), as
    /// <see cref="LoadAsync{T}(Guid, string, Func{CancellationToken, Task{T}}, Func{T, T}, Func{T, T}, Func{T, bool}, CancellationToken)"/>
    /// loads it.
    /// </summary>
    public Task<T?> LoadAsync<T>(
        Guid accountUserId,
        string part,
        IRepository<T> repository,
        Ardalis.Specification.ISpecification<T> specification,
        Func<T, T> copy,
        CancellationToken cancellationToken)
        where T : class, Domain.Common.IAggregateRoot
    {
        ArgumentNullException.ThrowIfNull(repository);
        return LoadAsync(
            accountUserId, part, token => repository.FirstOrDefaultAsync(specification, token), copy, repository.Track, repository.IsSaved, cancellationToken);
    }

    /// <summary>
    /// Hands <paramref name="value"/> (tracked by this command, or null: no row) to the actor as its <paramref name="part"/> once
    /// the command has committed: for a part the command created. The last value handed over for a part wins.
    /// </summary>
    public void Keep<T>(Guid accountUserId, string part, T? value, Func<T, T> copy, Func<T, bool> isSaved)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(copy);
        ArgumentNullException.ThrowIfNull(isSaved);
        if (!actorCall.RunsCommandOn(accountUserId))
        {
            return;
        }

        _kept[part] = () => value is null ? null : isSaved(value) ? copy(value) : NotKept.Instance;
        if (!_handOverQueued)
        {
            _handOverQueued = true;
            afterCommit.Enqueue(_ =>
            {
                HandOver(actorCall.Memory!);
                return Task.CompletedTask;
            });
        }
    }

    /// <summary>
    /// The command leaves <paramref name="part"/> in a shape the actor cannot know without loading it again (a list cut at its
    /// limit): nothing is handed over for it, and the actor drops it when the command ends.
    /// </summary>
    public void Drop(Guid accountUserId, string part)
    {
        if (actorCall.RunsCommandOn(accountUserId))
        {
            _kept[part] = () => NotKept.Instance;
        }
    }

    private void HandOver(AccountMemory memory)
    {
        foreach (var (part, kept) in _kept)
        {
            if (kept() is var value && value is not NotKept)
            {
                memory.KeepWhenCommandEnds(part, value);
            }
        }

        _kept.Clear();
        _handOverQueued = false;
    }

    private sealed class NotKept
    {
        public static readonly NotKept Instance = new();
    }
}
