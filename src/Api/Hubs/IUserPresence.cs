namespace RiskPlatform.Api.Hubs;

/// <summary>Which users have at least one open hub connection (on any instance, with the Redis backplane).</summary>
internal interface IUserPresence
{
    Task ConnectedAsync(string userId, string connectionId);

    Task DisconnectedAsync(string userId, string connectionId);

    Task<bool> IsConnectedAsync(string userId);
}
