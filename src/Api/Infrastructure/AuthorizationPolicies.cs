namespace RiskPlatform.Api.Infrastructure;

/// <summary>Named authorization policies beyond "signed in".</summary>
internal static class AuthorizationPolicies
{
    /// <summary>
    /// May publish quotes (admins, granted by an operator with <c>users grant-admin</c>). A quote revalues every account holding the symbol and can
    /// trigger the monitor's liquidations, so an ordinary user must not be able to move it.
    /// </summary>
    public const string MarketDataPublisher = "market_data_publisher";
}
