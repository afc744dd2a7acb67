namespace RiskPlatform.Application.Common.Interfaces;

/// <summary>
/// The real-time connections a sign-in (a refresh-token family, the access token's <c>sid</c>) has open on this node.
/// Logout closes them (logout everywhere, all of a user's); connections on other nodes close when their access token expires.
/// </summary>
public interface ISessionConnections
{
    /// <summary>Closes this node's connections of <paramref name="sessionId"/>; returns how many.</summary>
    int Close(Guid sessionId);

    /// <summary>Closes this node's connections of every sign-in of <paramref name="userId"/>; returns how many.</summary>
    int CloseAllOf(Guid userId);
}
