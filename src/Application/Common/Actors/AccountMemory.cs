namespace RiskPlatform.Application.Common.Actors;

/// <summary>
/// What one account's actor remembers of its account between the reads it answers: parts such as the active rules, the paper
/// account and the broker binding, each as the database held it after the actor's last command. Every writer of those rows runs
/// on the actor, so the actor knows when they change: a command drops everything when it starts and again when it ends, and a
/// part loaded while a command ran (or across one) is used for that read but not kept. A read therefore never sees less than
/// the last command the actor answered. Rows changed outside the service must be followed by <see cref="Forget"/>
/// (<c>IAccountActors.ForgetAsync</c>). Values are shared by concurrent reads and must never be changed by them.
/// </summary>
public sealed class AccountMemory(Guid accountUserId)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, object?> _parts = new(StringComparer.Ordinal);
    private long _generation;
    private int _commandsRunning;

    public Guid AccountUserId { get; } = accountUserId;

    /// <summary>How many parts are remembered now (for tests and diagnostics).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _parts.Count;
            }
        }
    }

    /// <summary>
    /// The remembered <paramref name="part"/>, or <paramref name="load"/>'s answer, kept for the next read when no command started
    /// or ended while it loaded (and <paramref name="keep"/>, when given, accepts it).
    /// </summary>
    public async Task<T> RecallAsync<T>(
        string part, Func<CancellationToken, Task<T>> load, CancellationToken cancellationToken, Func<T, bool>? keep = null)
    {
        ArgumentNullException.ThrowIfNull(load);
        long generation;
        lock (_gate)
        {
            if (_parts.TryGetValue(part, out var remembered))
            {
                return (T)remembered!;
            }

            generation = _generation;
        }

        var loaded = await load(cancellationToken);
        lock (_gate)
        {
            if (_commandsRunning == 0 && _generation == generation && (keep is null || keep(loaded)))
            {
                _parts[part] = loaded;
            }
        }

        return loaded;
    }

    /// <summary>A command on the account starts: nothing remembered may be trusted until it has ended.</summary>
    public void CommandStarting()
    {
        lock (_gate)
        {
            _commandsRunning++;
            DropAll();
        }
    }

    /// <summary>The command has committed or failed: what was loaded before or during it is dropped.</summary>
    public void CommandEnded()
    {
        lock (_gate)
        {
            _commandsRunning--;
            DropAll();
        }
    }

    /// <summary>Drops everything: the account's rows were changed outside the service.</summary>
    public void Forget()
    {
        lock (_gate)
        {
            DropAll();
        }
    }

    private void DropAll()
    {
        _generation++;
        _parts.Clear();
    }
}

/// <summary>The names of the parts an <see cref="AccountMemory"/> keeps, one per kind of row set.</summary>
public static class AccountMemoryPart
{
    /// <summary>The account's active risk rules (untracked entities).</summary>
    public const string ActiveRules = "active-rules";

    /// <summary>The paper broker's account with its positions and open orders (untracked), or none yet.</summary>
    public const string PaperAccount = "paper-account";

    /// <summary>The stored portfolio state (untracked; a read marks a copy of it), or none yet.</summary>
    public const string PortfolioState = "portfolio-state";

    /// <summary>The broker binding when it routes to the paper broker.</summary>
    public const string PaperBinding = "paper-binding";
}
