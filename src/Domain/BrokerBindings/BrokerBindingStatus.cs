namespace RiskPlatform.Domain.BrokerBindings;

/// <summary>Whether the bound broker answers. Wire values: <c>active</c>, <c>broker_unavailable</c>.</summary>
public enum BrokerBindingStatus
{
    Active,

    /// <summary>The bound key stopped working (rejected, unusable, or the broker unreachable); broker calls fail closed with the reason.</summary>
    BrokerUnavailable,
}
