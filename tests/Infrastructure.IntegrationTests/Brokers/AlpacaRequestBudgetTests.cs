using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RiskPlatform.Infrastructure.Brokers.Accounting;
using RiskPlatform.Infrastructure.Brokers.Alpaca;

namespace RiskPlatform.Infrastructure.IntegrationTests.Brokers;

/// <summary>
/// <see cref="AlpacaClient"/> spends each key's request budget: users' calls stop at their share, nothing sent, while the
/// service's own calls (the monitor's liquidations) still go out on the reserve; the window turns after a minute.
/// </summary>
public sealed class AlpacaRequestBudgetTests
{
    private static readonly Uri Account = new("https://paper-api.alpaca.markets/v2/account");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 15, 0, 0, TimeSpan.Zero));
    private readonly AlpacaClientTrialTests.StubHandler _http = new();
    private readonly AlpacaClient _client;

    public AlpacaRequestBudgetTests()
    {
        // 8 a minute, a quarter kept for the service: users may spend 6.
        var options = Options.Create(new AlpacaOptions { RequestsPerMinute = 8, ServiceReservePercent = 25, MaxRetries = 0, TimeoutSeconds = 5 });
        _client = new AlpacaClient(
            new AlpacaClientTrialTests.StubFactory(_http), new AlpacaCircuitBreakers(options, _time), new AlpacaRequestBudget(options, _time),
            new BrokerCallAccounting(), options, _time, NullLogger<AlpacaClient>.Instance);
    }

    [Fact]
    public async Task UsersSpendingTheirShare_StillLeaveTheServicesCallsThrough()
    {
        var key = Key();
        for (var i = 0; i < 6; i++)
        {
            Assert.Equal(200, (await SendAsync(key, AlpacaCaller.User)).Status);
        }

        var refused = await Assert.ThrowsAsync<AlpacaCallException>(() => SendAsync(key, AlpacaCaller.User));
        Assert.Equal((AlpacaFailure.RateLimited, (TimeSpan?)TimeSpan.FromMinutes(1)), (refused.Failure, refused.RetryAfter));
        Assert.Equal(6, _http.Calls);

        Assert.Equal(200, (await SendAsync(key, AlpacaCaller.Service)).Status);
        Assert.Equal(200, (await SendAsync(key, AlpacaCaller.Service)).Status);
        Assert.Equal(8, _http.Calls);

        // The whole limit is spent now, by anyone; another key's budget is its own; the next minute starts afresh.
        await Assert.ThrowsAsync<AlpacaCallException>(() => SendAsync(key, AlpacaCaller.Service));
        Assert.Equal(200, (await SendAsync(Key(), AlpacaCaller.User)).Status);
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(200, (await SendAsync(key, AlpacaCaller.User)).Status);
    }

    [Fact]
    public async Task ServiceCalls_MaySpendTheWholeLimitWhenUsersDidNot()
    {
        var key = Key();
        for (var i = 0; i < 8; i++)
        {
            Assert.Equal(200, (await SendAsync(key, AlpacaCaller.Service)).Status);
        }

        await Assert.ThrowsAsync<AlpacaCallException>(() => SendAsync(key, AlpacaCaller.Service));
        await Assert.ThrowsAsync<AlpacaCallException>(() => SendAsync(key, AlpacaCaller.User));
        Assert.Equal(8, _http.Calls);
    }

    private Task<AlpacaResponse> SendAsync(AlpacaKey key, AlpacaCaller caller) =>
        _client.SendAsync(key, HttpMethod.Get, Account, null, AlpacaCallKind.Read, caller, CancellationToken.None);

    private static AlpacaKey Key() => AlpacaClientTrialTests.NewKey(new AlpacaClientTrialTests.StubCipher());
}
