namespace RiskPlatform.Infrastructure.Brokers.Alpaca;

/// <summary>
/// Alpaca endpoints and limits (configuration section <c>Brokers:Alpaca</c>). Configuration is trusted, so these URLs
/// may point anywhere (a test server on 127.0.0.1, a proxy); a key's own base_url (allow-listed by the vault) wins over them.
/// </summary>
public sealed class AlpacaOptions
{
    public const string SectionName = "Brokers:Alpaca";

    /// <summary>Name of the <see cref="System.Net.Http.IHttpClientFactory"/> client used for every Alpaca call.</summary>
    public const string HttpClientName = "alpaca";

    /// <summary>Largest response body read from Alpaca (1 MB); anything bigger is refused.</summary>
    public const int MaxResponseBytes = 1024 * 1024;

    /// <summary>Trading API of paper keys (<c>Brokers:Alpaca:PaperUrl</c>).</summary>
    public Uri PaperUrl { get; set; } = new("https://paper-api.alpaca.markets");

    /// <summary>Trading API of live keys (<c>Brokers:Alpaca:LiveUrl</c>).</summary>
    public Uri LiveUrl { get; set; } = new("https://api.alpaca.markets");

    /// <summary>Market data API (<c>Brokers:Alpaca:DataUrl</c>).</summary>
    public Uri DataUrl { get; set; } = new("https://data.alpaca.markets");

    /// <summary>Trade-update stream of paper keys (<c>Brokers:Alpaca:StreamUrl</c>).</summary>
    public Uri StreamUrl { get; set; } = new("wss://paper-api.alpaca.markets/stream");

    /// <summary>Trade-update stream of live keys (<c>Brokers:Alpaca:LiveStreamUrl</c>).</summary>
    public Uri LiveStreamUrl { get; set; } = new("wss://api.alpaca.markets/stream");

    /// <summary>Whether every bound Alpaca key keeps its streams open (trade updates, and market data unless <see cref="DataStreamEnabled"/> is false; <c>Brokers:Alpaca:StreamsEnabled</c>, default true).</summary>
    public bool StreamsEnabled { get; set; } = true;

    /// <summary>How often the bindings are read to start and stop streams, in seconds (<c>Brokers:Alpaca:StreamBindingPollSeconds</c>, default 5).</summary>
    public double StreamBindingPollSeconds { get; set; } = 5;

    /// <summary>Connect, authenticate and listen must complete within this many seconds (<c>Brokers:Alpaca:StreamHandshakeTimeoutSeconds</c>, default 10).</summary>
    public double StreamHandshakeTimeoutSeconds { get; set; } = 10;

    /// <summary>First reconnect delay, doubled per failed attempt with ±50 % jitter (<c>Brokers:Alpaca:StreamReconnectBaseDelayMilliseconds</c>, default 500).</summary>
    public int StreamReconnectBaseDelayMilliseconds { get; set; } = 500;

    /// <summary>Longest reconnect delay, also the wait after refused credentials (<c>Brokers:Alpaca:StreamReconnectMaxDelaySeconds</c>, default 60).</summary>
    public double StreamReconnectMaxDelaySeconds { get; set; } = 60;

    /// <summary>
    /// Market-data stream of every key, paper or live (<c>Brokers:Alpaca:DataStreamUrl</c>, default the IEX feed
    /// <c>wss://stream.data.alpaca.markets/v2/iex</c>; <c>…/v2/sip</c> with a paid subscription).
    /// </summary>
    public Uri DataStreamUrl { get; set; } = new("wss://stream.data.alpaca.markets/v2/iex");

    /// <summary>
    /// Whether every bound Alpaca key also keeps a market-data stream open for the symbols its account holds or has open orders
    /// in (<c>Brokers:Alpaca:DataStreamEnabled</c>, default true; only while <see cref="StreamsEnabled"/>).
    /// </summary>
    public bool DataStreamEnabled { get; set; } = true;

    /// <summary>
    /// How often the latest price per symbol of one market-data stream is stored as the service's quote, in milliseconds
    /// (<c>Brokers:Alpaca:DataStreamBatchMilliseconds</c>, default 250): every price in between is coalesced, the latest wins.
    /// </summary>
    public int DataStreamBatchMilliseconds { get; set; } = 250;

    /// <summary>
    /// Shortest time between two monitor runs of one account that its market-data stream asks for, in seconds
    /// (<c>Brokers:Alpaca:DataStreamMonitorIntervalSeconds</c>, default 2): each run reads the account from Alpaca (three
    /// requests), so this bounds what the stream spends of the key's request budget.
    /// </summary>
    public double DataStreamMonitorIntervalSeconds { get; set; } = 2;

    /// <summary>Timeout of one HTTP call in seconds (<c>Brokers:Alpaca:TimeoutSeconds</c>, default 10).</summary>
    public double TimeoutSeconds { get; set; } = 10;

    /// <summary>Retries of an idempotent read after a timeout, network error or 5xx (<c>Brokers:Alpaca:MaxRetries</c>, default 2).</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>Base of the jittered exponential back-off between retries (<c>Brokers:Alpaca:RetryBaseDelayMilliseconds</c>, default 200).</summary>
    public int RetryBaseDelayMilliseconds { get; set; } = 200;

    /// <summary>Longest Retry-After of a 429 that is waited out; a longer one fails the call with 503 (<c>Brokers:Alpaca:MaxRetryAfterSeconds</c>, default 5).</summary>
    public double MaxRetryAfterSeconds { get; set; } = 5;

    /// <summary>Consecutive failed calls of one key that open its circuit (<c>Brokers:Alpaca:CircuitBreakerFailures</c>, default 5).</summary>
    public int CircuitBreakerFailures { get; set; } = 5;

    /// <summary>How long an open circuit refuses calls before one trial call is let through (<c>Brokers:Alpaca:CircuitBreakerCooldownSeconds</c>, default 30).</summary>
    public double CircuitBreakerCooldownSeconds { get; set; } = 30;

    /// <summary>Requests a minute Alpaca allows one account (its documented limit is 200), counted per key on each node.</summary>
    public int RequestsPerMinute { get; set; } = 200;

    /// <summary>Percent of <see cref="RequestsPerMinute"/> kept for the service's own calls (the monitor's liquidations); users spend the rest.</summary>
    public int ServiceReservePercent { get; set; } = 25;

    /// <summary>
    /// How often the daily bars of Alpaca-bound users' symbols (held, or ordered in the last 30 days) are fetched into the stored
    /// history (<c>Brokers:Alpaca:BarSyncInterval</c>, default 6 hours; 00:00:00 turns the sync off). The first run is one
    /// interval after start; <c>market sync-bars</c> runs it at once.
    /// </summary>
    public TimeSpan BarSyncInterval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>How many calendar days back, up to yesterday, the sync keeps filled (<c>Brokers:Alpaca:BarHistoryDays</c>, default 400).</summary>
    public int BarHistoryDays { get; set; } = 400;
}
