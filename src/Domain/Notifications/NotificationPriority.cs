namespace RiskPlatform.Domain.Notifications;

/// <summary>Ordered: <c>Low &lt; Medium &lt; High &lt; Urgent</c>. The numeric values are the order; compare with &lt; and &gt;.</summary>
public enum NotificationPriority
{
    Low = 0,
    Medium = 1,
    High = 2,
    Urgent = 3,
}
