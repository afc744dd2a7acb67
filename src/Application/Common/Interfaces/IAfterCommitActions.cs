namespace RiskPlatform.Application.Common.Interfaces;

/// <summary>
/// Work that must happen only once the current command's transaction has committed (real-time pushes, cache
/// invalidation): scoped per request. The audit behaviour runs the queued actions after a successful commit, in order,
/// and drops them when the command fails. An action must swallow and log its own exceptions; whatever still escapes is
/// logged and never fails the command. The audit behaviour passes <see cref="CancellationToken.None"/> (the client
/// hanging up must not stop a push to its other connections), so an action bounds its own time.
/// </summary>
public interface IAfterCommitActions
{
    void Enqueue(Func<CancellationToken, Task> action);
}
