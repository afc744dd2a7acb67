using Ardalis.Specification;
using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Application.Notifications.Specifications;

/// <summary>The sms deliveries the provider knows by this message id (Twilio's SID; several for a digest), for its status callbacks.</summary>
public sealed class SmsDeliveryByExternalIdSpec : Specification<NotificationDelivery>
{
    public SmsDeliveryByExternalIdSpec(string externalId) =>
        Query.Where(d => d.Channel == NotificationChannel.Sms && d.ExternalId == externalId);
}
