namespace RiskPlatform.Application.Common.Interfaces;

/// <summary>
/// What the create path of notifications may know, without any I/O, about a user's real-time connections: whether the user is
/// known to have none anywhere. Only a single node without a backplane knows that (its own connections are all there are);
/// with a backplane, or not knowing, the answer is false and the real-time worker records the push's outcome afterwards.
/// </summary>
public interface IRealtimePresence
{
    bool IsKnownOffline(Guid userId);
}
