namespace RiskPlatform.Domain.BrokerBindings;

/// <summary>Stable error codes raised by <see cref="BrokerBinding"/>.</summary>
public static class BrokerBindingErrors
{
    /// <summary>409: the API key is revoked.</summary>
    public const string ApiKeyRevoked = "trading_account.api_key_revoked";

    /// <summary>409: the API key has expired.</summary>
    public const string ApiKeyExpired = "trading_account.api_key_expired";

    /// <summary>409: the API key is inactive.</summary>
    public const string ApiKeyInactive = "trading_account.api_key_inactive";

    /// <summary>422: no trading adapter exists for the key's broker (only Alpaca today).</summary>
    public const string BrokerNotSupported = "trading_account.broker_not_supported";

    /// <summary>409: the user still has open orders at the current broker.</summary>
    public const string OpenOrders = "trading_account.open_orders";
}
