using Microsoft.Extensions.Logging;
using RiskPlatform.Application.Common.Interfaces;

namespace RiskPlatform.Application.Common.Transactions;

/// <summary>
/// The scoped queue behind <see cref="IAfterCommitActions"/>. The audit behaviour brackets each command with
/// <see cref="Enter"/>/<see cref="Exit"/> so that a command sent from inside another one (which joins the outer
/// transaction) leaves its actions to the outermost commit. Code that saves outside the MediatR pipeline (a background
/// worker) calls <see cref="RunAsync"/> itself after committing, or <see cref="Discard"/> after a failure.
/// </summary>
public sealed partial class AfterCommitActions(ILogger<AfterCommitActions> logger) : IAfterCommitActions
{
    private readonly List<Func<CancellationToken, Task>> _actions = [];
    private int _depth;

    public int Count => _actions.Count;

    public void Enqueue(Func<CancellationToken, Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        _actions.Add(action);
    }

    /// <summary>Runs and clears the queued actions in order. Never throws (except for cancellation of the caller's token).</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (_actions.Count > 0)
        {
            // Actions may enqueue more; take a snapshot each round.
            var batch = _actions.ToArray();
            _actions.Clear();
            foreach (var action in batch)
            {
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    await action(cancellationToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    LogActionFailed(logger, exception);
                }
            }
        }
    }

    public void Discard() => _actions.Clear();

    /// <summary>Whether a command is running in this scope (a request sent now is nested in its transaction).</summary>
    internal bool InCommand => _depth > 0;

    /// <summary>A command starts; returns whether it is the outermost one.</summary>
    internal bool Enter() => _depth++ == 0;

    /// <summary>A command ends.</summary>
    internal void Exit() => _depth = Math.Max(0, _depth - 1);

    [LoggerMessage(Level = LogLevel.Error, Message = "An after-commit action failed; the command had already committed")]
    private static partial void LogActionFailed(ILogger logger, Exception exception);
}
