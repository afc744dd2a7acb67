using RiskPlatform.Domain.Notifications.Delivery;

namespace RiskPlatform.Domain.UnitTests.Notifications;

public sealed class RetryBackoffTests
{
    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(4, 240)]
    [InlineData(5, 480)]
    [InlineData(6, 600)]
    [InlineData(7, 600)]
    [InlineData(100, 600)]
    public void Delay_WhenJitterAtBounds_SpansUpperHalfOfCappedExponential(int failedAttempts, int nominalSeconds)
    {
        var nominal = TimeSpan.FromSeconds(nominalSeconds);

        Assert.Equal(nominal / 2, RetryBackoff.Delay(failedAttempts, 0));
        var highest = RetryBackoff.Delay(failedAttempts, Math.BitDecrement(1.0));
        Assert.True(highest <= nominal, $"{highest} should not exceed {nominal}");
        Assert.True(highest > nominal * 0.999, $"{highest} should be close to {nominal}");
    }

    [Fact]
    public void Delay_WhenAttemptsGrow_DoublesUntilCap()
    {
        var delays = Enumerable.Range(1, 8).Select(n => RetryBackoff.Delay(n, 0.5)).ToList();

        for (var i = 1; i < 5; i++)
        {
            Assert.Equal(delays[i - 1] * 2, delays[i]);
        }

        Assert.All(delays, d => Assert.True(d <= RetryBackoff.MaxDelay));
        Assert.Equal(delays[5], delays[7]);
    }

    [Fact]
    public void Delay_WhenManyRandomDraws_NeverExceedsTenMinutes()
    {
        var random = new Random(1234);
        for (var i = 0; i < 10_000; i++)
        {
            var delay = RetryBackoff.Delay(random.Next(1, 40), random.NextDouble());

            Assert.InRange(delay, TimeSpan.FromSeconds(15), TimeSpan.FromMinutes(10));
        }
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void Delay_WhenJitterOutsideUnitInterval_Throws(double jitter)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RetryBackoff.Delay(1, jitter));
    }

    [Fact]
    public void Delay_WhenNoAttemptYet_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RetryBackoff.Delay(0, 0.5));
    }
}
