using Microsoft.Extensions.Options;
using RiskPlatform.Application.Portfolio.Common;
using RiskPlatform.Application.Portfolio.Monitoring;

namespace RiskPlatform.Application.UnitTests.Portfolio;

public sealed class EquityPointSamplerTests
{
    private static readonly DateTime T0 = new(2026, 3, 2, 15, 0, 0, DateTimeKind.Utc);

    private static EquityPointSampler Sampler(TimeSpan interval) =>
        new(Options.Create(new MonitoringOptions { EquityPointInterval = interval }));

    [Fact]
    public void TryTake_TakesTheFirstMarkThenAtMostOnePointPerIntervalPerAccount()
    {
        var sampler = Sampler(TimeSpan.FromSeconds(10));
        var (ann, bob) = (Guid.NewGuid(), Guid.NewGuid());

        Assert.True(sampler.TryTake(ann, T0));
        Assert.False(sampler.TryTake(ann, T0.AddSeconds(9.999)));
        Assert.True(sampler.TryTake(bob, T0.AddSeconds(5)));
        Assert.True(sampler.TryTake(ann, T0.AddSeconds(10)));
        Assert.False(sampler.TryTake(ann, T0.AddSeconds(19)));
        Assert.False(sampler.TryTake(bob, T0.AddSeconds(14)));
    }

    [Fact]
    public void TryTake_AfterANewStatesFirstPoint_WaitsTheInterval()
    {
        var sampler = Sampler(TimeSpan.FromSeconds(10));
        var ann = Guid.NewGuid();

        sampler.Taken(ann, T0);

        Assert.False(sampler.TryTake(ann, T0.AddSeconds(1)));
        Assert.True(sampler.TryTake(ann, T0.AddSeconds(10)));
    }

    [Fact]
    public void TryTake_WithAZeroInterval_TakesEveryMark()
    {
        var sampler = Sampler(TimeSpan.Zero);
        var ann = Guid.NewGuid();

        Assert.True(sampler.TryTake(ann, T0));
        Assert.True(sampler.TryTake(ann, T0));
        Assert.True(sampler.TryTake(ann, T0.AddTicks(1)));
    }

    [Fact]
    public void TryTake_WhenTheClockWentBack_StartsTheIntervalAgain()
    {
        var sampler = Sampler(TimeSpan.FromSeconds(10));
        var ann = Guid.NewGuid();
        sampler.TryTake(ann, T0);

        Assert.True(sampler.TryTake(ann, T0.AddMinutes(-5)));
        Assert.False(sampler.TryTake(ann, T0.AddMinutes(-5).AddSeconds(1)));
    }
}
