using RiskPlatform.Application.Common.Interfaces;

namespace RiskPlatform.Infrastructure.Notifications;

/// <summary>The default <see cref="IRealtimePresence"/> until a real-time transport is registered: nobody is known to be offline.</summary>
internal sealed class UnknownRealtimePresence : IRealtimePresence
{
    public bool IsKnownOffline(Guid userId) => false;
}
