using Ardalis.Specification;
using RiskPlatform.Domain.Notifications;
using RiskPlatform.Domain.Notifications.Contacts;

namespace RiskPlatform.Application.Notifications.Specifications;

/// <summary>The user's row for one channel and (normalized) address: the unique key.</summary>
public sealed class ContactPointByAddressSpec : Specification<ContactPoint>
{
    public ContactPointByAddressSpec(Guid userId, NotificationChannel channel, string address) =>
        Query.Where(c => c.UserId == userId && c.Channel == channel && c.Address == address);
}
