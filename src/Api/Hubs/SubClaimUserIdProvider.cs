using Microsoft.AspNetCore.SignalR;
using Microsoft.IdentityModel.JsonWebTokens;

namespace RiskPlatform.Api.Hubs;

/// <summary>A connection belongs to the user in the access token's <c>sub</c> claim, so <c>Clients.User(userId)</c> reaches all of theirs.</summary>
internal sealed class SubClaimUserIdProvider : IUserIdProvider
{
    public string? GetUserId(HubConnectionContext connection) => connection.User?.FindFirst(JwtRegisteredClaimNames.Sub)?.Value;
}
