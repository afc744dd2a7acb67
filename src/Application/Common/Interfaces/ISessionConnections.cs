namespace RiskPlatform.Application.Common.Interfaces;

/// <summary>
/// The real-time connections a sign-in (a refresh-token family, the access token's <c>sid</c>) has open. Ending a sign-in
/// (logout, a leaked family revoked) closes its connections, logout everywhere all of a user's: on this node at once, and
/// on every other node through the backplane when there is one. Neither method waits for the network or throws because
/// the backplane is down: a node the message does not reach finds the ended sign-ins in the database when it is back on
/// the backplane, or at its next periodic sweep, and at the latest when their access token expires.
/// </summary>
public interface ISessionConnections
{
    /// <summary>Closes the connections of <paramref name="sessionId"/> on every node; returns how many were on this one.</summary>
    int Close(Guid sessionId);

    /// <summary>Closes the connections of every sign-in of <paramref name="userId"/> on every node; returns how many were on this one.</summary>
    int CloseAllOf(Guid userId);
}
