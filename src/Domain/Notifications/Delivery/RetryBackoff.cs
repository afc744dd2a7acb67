namespace RiskPlatform.Domain.Notifications.Delivery;

/// <summary>
/// Exponential backoff with jitter, as a pure function. The nominal delay after the n-th failed attempt is
/// <see cref="BaseDelay"/> · 2^(n−1), capped at <see cref="MaxDelay"/>; the jitter then spreads it over
/// [nominal/2, nominal]: <c>delay = nominal · (0.5 + 0.5 · jitter)</c>. So 30 s, 1 min, 2 min, 4 min, 8 min, then 10 min,
/// each scaled into its upper half by the jitter, and never more than 10 minutes.
/// </summary>
public static class RetryBackoff
{
    public static readonly TimeSpan BaseDelay = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(10);

    /// <param name="failedAttempts">Attempts made so far, all failed (≥ 1).</param>
    /// <param name="jitter">A random draw in [0, 1), e.g. <c>Random.Shared.NextDouble()</c>.</param>
    public static TimeSpan Delay(int failedAttempts, double jitter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failedAttempts, 1);
        if (double.IsNaN(jitter) || jitter < 0 || jitter >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(jitter), jitter, "Jitter must be in [0, 1).");
        }

        var exponent = Math.Min(failedAttempts - 1, 30);
        var nominalTicks = Math.Min(BaseDelay.Ticks * Math.Pow(2, exponent), MaxDelay.Ticks);
        return TimeSpan.FromTicks((long)(nominalTicks * (0.5 + (0.5 * jitter))));
    }
}
