using RiskPlatform.Application.Common.Interfaces;

namespace RiskPlatform.Application.Auth.Common;

/// <summary>
/// Closes the real-time connections of the sign-ins a command ends (logout, logout everywhere, a leaked token family
/// revoked), on every node, once the revocation has committed: a command that rolls back leaves them open.
/// </summary>
internal sealed class EndedSessionConnections(ISessionConnections connections, IAfterCommitActions afterCommit)
{
    /// <summary>The connections opened with access tokens of this refresh-token family (<c>sid</c>).</summary>
    public void CloseSession(Guid familyId) => afterCommit.Enqueue(_ =>
    {
        connections.Close(familyId);
        return Task.CompletedTask;
    });

    /// <summary>Every connection of the user, whatever sign-in opened it.</summary>
    public void CloseAllOf(Guid userId) => afterCommit.Enqueue(_ =>
    {
        connections.CloseAllOf(userId);
        return Task.CompletedTask;
    });
}
