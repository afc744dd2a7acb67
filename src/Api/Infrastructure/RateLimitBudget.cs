namespace RiskPlatform.Api.Infrastructure;

/// <summary>At most <see cref="PermitLimit"/> requests per <see cref="Window"/> for one caller (see <see cref="RateLimitOptions"/>).</summary>
public sealed class RateLimitBudget
{
    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; }
}
