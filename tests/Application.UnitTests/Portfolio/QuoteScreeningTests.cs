using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RiskPlatform.Application.Portfolio.Monitoring;
using RiskPlatform.Application.Portfolio.Queries.ScreenPortfolioMonitor;

namespace RiskPlatform.Application.UnitTests.Portfolio;

public sealed class QuoteScreeningTests : IDisposable
{
    private readonly MonitorQueue _queue = new(Options.Create(new MonitoringOptions()));
    private readonly QuoteScreening _screening;
    private readonly ScreenRequests _requests = new();
    private readonly Guid _ann = Guid.NewGuid();

    public QuoteScreeningTests() => _screening = new QuoteScreening(_queue, Options.Create(new MonitoringOptions()), NullLogger<QuoteScreening>.Instance);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AQuietScreen_QueuesNothingForTheWorker()
    {
        _screening.Request(_ann, _requests, _ => Task.FromResult(PortfolioMonitorScreen.Quiet(pendingActions: false)));
        await IdleAsync();

        Assert.Equal(0, _queue.Count);
    }

    [Theory]
    [InlineData("run")]
    [InlineData("pending_actions")]
    [InlineData("failed")]
    public async Task AScreenThatAsksForARun_FindsActionsWaiting_OrFails_QueuesTheAccountForTheWorker(string outcome)
    {
        _screening.Request(_ann, _requests, _ => outcome switch
        {
            "run" => Task.FromResult(PortfolioMonitorScreen.Run("decision")),
            "pending_actions" => Task.FromResult(PortfolioMonitorScreen.Quiet(pendingActions: true)),
            _ => Task.FromException<PortfolioMonitorScreen>(new InvalidOperationException("the actor's database is down")),
        });

        Assert.Equal(_ann, await _queue.DequeueAsync(Cancellation).AsTask().WaitAsync(TimeSpan.FromSeconds(5), Cancellation));
    }

    [Fact]
    public async Task QuotesToldWhileAScreenRuns_AreScreenedOnceMore_NotOncePerQuote()
    {
        var screens = 0;
        var first = new TaskCompletionSource<PortfolioMonitorScreen>(TaskCreationOptions.RunContinuationsAsynchronously);
        Task<PortfolioMonitorScreen> Screen(CancellationToken token) =>
            Interlocked.Increment(ref screens) == 1 ? first.Task : Task.FromResult(PortfolioMonitorScreen.Quiet(pendingActions: false));

        _screening.Request(_ann, _requests, Screen);
        await WaitUntilAsync(() => Volatile.Read(ref screens) == 1);
        for (var i = 0; i < 5; i++)
        {
            _screening.Request(_ann, _requests, Screen);
        }

        var idle = _queue.WhenIdleAsync(Cancellation);
        Assert.False(idle.IsCompleted);
        first.SetResult(PortfolioMonitorScreen.Quiet(pendingActions: false));
        await idle.WaitAsync(TimeSpan.FromSeconds(5), Cancellation);

        Assert.Equal(2, screens);
    }

    [Fact]
    public async Task AQuoteToldAfterTheScreenEnded_StartsANewScreen()
    {
        var screens = 0;
        Task<PortfolioMonitorScreen> Screen(CancellationToken token)
        {
            Interlocked.Increment(ref screens);
            return Task.FromResult(PortfolioMonitorScreen.Quiet(pendingActions: false));
        }

        _screening.Request(_ann, _requests, Screen);
        await IdleAsync();
        _screening.Request(_ann, _requests, Screen);
        await IdleAsync();

        Assert.Equal(2, screens);
    }

    private Task IdleAsync() => _queue.WhenIdleAsync(Cancellation).WaitAsync(TimeSpan.FromSeconds(5), Cancellation);

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition never held");
            await Task.Delay(5, Cancellation);
        }
    }

    public void Dispose()
    {
        _screening.Dispose();
        _queue.Dispose();
    }
}
