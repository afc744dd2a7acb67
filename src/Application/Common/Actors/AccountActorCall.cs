using RiskPlatform.Application.Common.Interfaces;

namespace RiskPlatform.Application.Common.Actors;

/// <summary>
/// Per scope: whether this scope runs a command on its account's actor, and who sent it. Inside an actor call the caller's
/// identity and origin (for the audit row) come from here, not from an HTTP request, which the actor does not have.
/// </summary>
public sealed class AccountActorCall : ICurrentUser, IRequestContext
{
    /// <summary>True inside an actor: account commands run here instead of being forwarded again.</summary>
    public bool IsActive { get; private set; }

    public Guid? UserId { get; private set; }

    public string? IpAddress { get; private set; }

    public string? UserAgent { get; private set; }

    public string? TraceId { get; private set; }

    /// <summary>Never carried: the proof is checked where the request arrived, before the command is forwarded here.</summary>
    public string? MfaProof => null;

    /// <summary>What the actor remembers of its account, when this scope runs on it; null elsewhere.</summary>
    public AccountMemory? Memory { get; private set; }

    /// <summary>True when this scope answers a read on its account's actor (which never changes what it loads).</summary>
    public bool IsRead => Memory is not null && _commandMayRecall is null;

    /// <summary>True when this scope runs a command on its account's actor.</summary>
    public bool IsCommand => Memory is not null && _commandMayRecall is not null;

    /// <summary>
    /// True once this scope's command has committed and left confirming that its commit is durable to whoever called the actor,
    /// after the actor's turn (the next command of the account need not wait for it): that caller must confirm it before it
    /// answers (docs/decisions/039).
    /// </summary>
    public bool DurabilityLeftToCaller { get; private set; }

    /// <summary>Notes that the caller of the actor confirms this command's commit durable (<see cref="DurabilityLeftToCaller"/>).</summary>
    public void LeaveDurabilityToCaller() => DurabilityLeftToCaller = true;

    /// <summary>True when this scope runs a command on the actor of <paramref name="accountUserId"/>'s account.</summary>
    public bool RunsCommandOn(Guid accountUserId) => IsCommand && Memory!.AccountUserId == accountUserId;

    /// <summary>
    /// For a command: the parts of <see cref="Memory"/> it may recall, those it declares it leaves unchanged; null for a read,
    /// which may recall every part.
    /// </summary>
    private System.Collections.Frozen.FrozenSet<string>? _commandMayRecall;

    /// <summary>Marks this scope as an actor call made by <paramref name="origin"/>.</summary>
    public void Enter(AccountCallOrigin origin)
    {
        ArgumentNullException.ThrowIfNull(origin);
        IsActive = true;
        UserId = origin.UserId;
        IpAddress = origin.IpAddress;
        UserAgent = origin.UserAgent;
        TraceId = origin.TraceId;
    }

    /// <summary>Marks this scope as a read on the actor whose <paramref name="memory"/> may answer it.</summary>
    public void EnterRead(AccountCallOrigin origin, AccountMemory memory)
    {
        Enter(origin);
        Memory = memory;
        _commandMayRecall = null;
    }

    /// <summary>
    /// Marks this scope as a command of <paramref name="commandType"/> on the actor: <paramref name="memory"/> may answer it for
    /// the parts the command leaves unchanged (<see cref="LeavesUnchangedAttribute"/>).
    /// </summary>
    public void EnterCommand(AccountCallOrigin origin, AccountMemory memory, Type commandType)
    {
        Enter(origin);
        Memory = memory;
        _commandMayRecall = AccountMemory.PartsLeftUnchangedBy(commandType);
    }

    /// <summary>
    /// <paramref name="part"/> of <paramref name="accountUserId"/>'s account from the actor's memory when this scope runs on that
    /// account's actor and may recall it (a read, a command that leaves the part unchanged, any call for a part forgotten at
    /// the commit that changes it); otherwise (other parts of a command, other accounts, outside an actor) straight from
    /// <paramref name="load"/>.
    /// </summary>
    public Task<T> RecallAsync<T>(
        Guid accountUserId, string part, Func<CancellationToken, Task<T>> load, CancellationToken cancellationToken, Func<T, bool>? keep = null) =>
        Memory is { } memory && memory.AccountUserId == accountUserId
            && (_commandMayRecall is null || _commandMayRecall.Contains(part) || AccountMemoryPart.IsForgottenAtCommit(part))
            ? memory.RecallAsync(part, load, cancellationToken, keep)
            : load(cancellationToken);

    /// <summary>
    /// The quotes of <paramref name="symbols"/>, symbols <paramref name="accountUserId"/>'s account holds: on a read on that
    /// account's actor from the actor's memory (<see cref="AccountMemory.RecallQuotesAsync"/>); in a command, on other accounts'
    /// or outside an actor straight from <paramref name="load"/>, so that every command values with the quotes committed.
    /// </summary>
    public Task<IReadOnlyList<QuoteMark>> RecallHeldQuotesAsync(
        Guid accountUserId,
        IReadOnlyList<string> symbols,
        Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyList<QuoteMark>>> load,
        CancellationToken cancellationToken) =>
        IsRead && Memory!.AccountUserId == accountUserId
            ? Memory.RecallQuotesAsync(symbols, load, cancellationToken)
            : load(symbols, cancellationToken);

    public Guid RequireUserId() =>
        UserId ?? throw new Exceptions.UnauthorizedException("unauthenticated", "Sign in to do this.");
}
