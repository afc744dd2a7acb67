using System.Globalization;
using RiskPlatform.Api.FunctionalTests.Infrastructure;

namespace RiskPlatform.Api.FunctionalTests.Brokers.FakeAlpaca;

/// <summary>
/// The fake Alpaca plus a service host whose Alpaca settings point at it: a 2 s timeout, so the fake's slow answers (3 s and
/// more) time out while a prompt answer on a busy test machine does not; one quick retry of
/// reads, Retry-After up to 2 s waited out, the circuit opening after 3 failures for 60 s, the streams pointed at the
/// fake's but off (tests can override any setting).
/// </summary>
public sealed class AlpacaHost : IAsyncDisposable
{
    public const double TimeoutSeconds = 2;

    private AlpacaHost(FakeAlpacaServer alpaca, RiskPlatformApiFactory factory)
    {
        Alpaca = alpaca;
        Factory = factory;
    }

    public FakeAlpacaServer Alpaca { get; }

    /// <summary>Alpaca's streams on, reading the bindings every 0.2 s, reconnecting after 50 ms to 1 s, handshakes within 5 s.</summary>
    public static IReadOnlyDictionary<string, string?> StreamsOn { get; } = new Dictionary<string, string?>
    {
        ["Brokers:Alpaca:StreamsEnabled"] = "true",
        ["Brokers:Alpaca:StreamBindingPollSeconds"] = "0.2",
        ["Brokers:Alpaca:StreamReconnectBaseDelayMilliseconds"] = "50",
        ["Brokers:Alpaca:StreamReconnectMaxDelaySeconds"] = "1",
        ["Brokers:Alpaca:StreamHandshakeTimeoutSeconds"] = "5",
    };

    public RiskPlatformApiFactory Factory { get; }

    public static async Task<AlpacaHost> StartAsync(ApiFixture fixture, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var alpaca = await FakeAlpacaServer.StartAsync();
        var factory = new RiskPlatformApiFactory(
            fixture.Provider, fixture.ConnectionString, fixture.Logs,
            settings: Settings(alpaca).Concat(overrides ?? new Dictionary<string, string?>()).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value));
        _ = factory.Server;
        return new AlpacaHost(alpaca, factory);
    }

    /// <summary>A host's Alpaca settings pointing at <paramref name="alpaca"/> (for hosts built otherwise, e.g. cluster nodes).</summary>
    public static Dictionary<string, string?> Settings(FakeAlpacaServer alpaca)
    {
        var url = alpaca.BaseUrl.AbsoluteUri;
        return new Dictionary<string, string?>
        {
            ["Brokers:Alpaca:PaperUrl"] = url,
            ["Brokers:Alpaca:LiveUrl"] = url,
            ["Brokers:Alpaca:DataUrl"] = url,
            ["Brokers:Alpaca:StreamUrl"] = alpaca.StreamUrl.AbsoluteUri,
            ["Brokers:Alpaca:LiveStreamUrl"] = alpaca.StreamUrl.AbsoluteUri,
            ["Brokers:Alpaca:DataStreamUrl"] = alpaca.DataStreamUrl.AbsoluteUri,
            ["Brokers:Alpaca:TimeoutSeconds"] = TimeoutSeconds.ToString(CultureInfo.InvariantCulture),
            ["Brokers:Alpaca:MaxRetries"] = "1",
            ["Brokers:Alpaca:RetryBaseDelayMilliseconds"] = "10",
            ["Brokers:Alpaca:MaxRetryAfterSeconds"] = "2",
            ["Brokers:Alpaca:CircuitBreakerFailures"] = "3",
            ["Brokers:Alpaca:CircuitBreakerCooldownSeconds"] = "60",
        };
    }

    public async Task<ApiClient> SignedInAsync()
    {
        var client = new ApiClient(Factory.CreateClient());
        await client.SignInAsNewUserAsync($"user-{Guid.NewGuid():N}@example.com", "Correct-Horse-42");
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Alpaca.DisposeAsync();
    }
}
