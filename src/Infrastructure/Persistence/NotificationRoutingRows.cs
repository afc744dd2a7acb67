using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using RiskPlatform.Application.Common.Actors;
using RiskPlatform.Domain.Notifications;
using RiskPlatform.Domain.Notifications.Contacts;
using RiskPlatform.Domain.Notifications.Push;
using RiskPlatform.Domain.Notifications.Webhooks;
using RiskPlatform.Domain.Users;

namespace RiskPlatform.Infrastructure.Persistence;

/// <summary>
/// The rows an account actor remembers as its <see cref="AccountMemoryPart.NotificationRouting"/>: a save that adds, changes or
/// removes one names its user, whose actor must forget once the save has committed. A user's row counts only when its address
/// or its verification changed (sign-ins change it too, without changing where notifications go). It sees only tracked
/// changes: a bulk <c>ExecuteUpdate</c> or <c>ExecuteDelete</c> on these tables would bypass it (none exists) and must make
/// the users' actors forget itself.
/// </summary>
internal static class NotificationRoutingRows
{
    public static void CollectChangedUsers(ChangeTracker changes, ISet<Guid> users)
    {
        foreach (var entry in changes.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            Guid? userId = entry.Entity switch
            {
                NotificationPreference preference => preference.UserId,
                WebhookEndpoint endpoint => endpoint.UserId,
                PushSubscription subscription => subscription.UserId,
                ContactPoint contact => contact.UserId,
                User user when entry.State == EntityState.Modified
                    && (entry.Property(nameof(User.Email)).IsModified || entry.Property(nameof(User.IsVerified)).IsModified) => user.Id,
                _ => null,
            };
            if (userId is { } id)
            {
                users.Add(id);
            }
        }
    }
}
