namespace RiskPlatform.Domain.BrokerBindings;

/// <summary>What backs a user's trading account. Wire values: <c>paper</c>, <c>api_key</c>.</summary>
public enum BrokerSource
{
    /// <summary>The built-in paper broker (the default when a user has no binding).</summary>
    Paper,

    /// <summary>A real broker reached with one of the user's vault API keys.</summary>
    ApiKey,
}
