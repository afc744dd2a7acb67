using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RiskPlatform.Application.Common.Credentials;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.ApiKeys;
using RiskPlatform.Infrastructure.Brokers.Accounting;
using RiskPlatform.Infrastructure.Brokers.Alpaca;

namespace RiskPlatform.Infrastructure.IntegrationTests.Brokers;

/// <summary>
/// <see cref="AlpacaClient"/> with a stub HTTP handler: a half-open circuit's trial call hands its slot back however it ends, so
/// the circuit never refuses for ever; a long 429 makes later calls fail fast (nothing sent) until its Retry-After passed.
/// </summary>
public sealed class AlpacaClientTrialTests
{
    private static readonly Uri Account = new("https://paper-api.alpaca.markets/v2/account");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 15, 0, 0, TimeSpan.Zero));
    private readonly StubHandler _http = new();
    private readonly StubCipher _cipher = new();
    private readonly AlpacaCircuitBreakers _breakers;
    private readonly AlpacaClient _client;
    private readonly AlpacaKey _key;

    public AlpacaClientTrialTests()
    {
        var options = Options.Create(new AlpacaOptions
        {
            CircuitBreakerFailures = 1, CircuitBreakerCooldownSeconds = 30, MaxRetries = 0, MaxRetryAfterSeconds = 5, TimeoutSeconds = 5,
        });
        _breakers = new AlpacaCircuitBreakers(options, _time);
        _client = new AlpacaClient(new StubFactory(_http), _breakers, new AlpacaRequestBudget(options, _time), new BrokerCallAccounting(), options, _time, NullLogger<AlpacaClient>.Instance);
        _key = NewKey(_cipher);
    }

    /// <summary>A paper key of a new user whose credentials <paramref name="cipher"/> opens.</summary>
    internal static AlpacaKey NewKey(ICredentialCipher cipher)
    {
        var keyId = Guid.CreateVersion7();
        return new AlpacaKey(
            keyId, 0, new Uri("https://paper-api.alpaca.markets"),
            new DecryptedCredentialAccess(cipher, CredentialContext.For(Guid.CreateVersion7(), keyId, Broker.Alpaca, null, true), new CredentialCiphertexts([1], [2], 1)));
    }

    public static TheoryData<string> TrialEndings => ["rate limited, long Retry-After", "rate limited, no Retry-After", "cancelled", "integrity", "unknown master key"];

    [Theory]
    [MemberData(nameof(TrialEndings))]
    public async Task HalfOpenTrial_WhenItEndsWithoutAVerdict_HandsTheSlotBack(string ending)
    {
        await OpenAndCoolDownAsync();

        await EndTrialAsync(ending);
        _time.Advance(TimeSpan.FromSeconds(30)); // past any rate-limit window the trial left
        _cipher.Throw = null;
        _http.Answer = (_, _) => Task.FromResult(Ok());

        var response = await SendAsync();

        Assert.Equal(200, response.Status);
        Assert.False(_breakers.IsOpen(_key.ApiKeyId, _key.Generation));
    }

    [Fact]
    public async Task RateLimited_WithALongRetryAfter_LaterCallsFailFastUntilItPassed_WithoutSending()
    {
        _http.Answer = (_, _) => Task.FromResult(TooManyRequests(TimeSpan.FromSeconds(20)));

        var first = await Assert.ThrowsAsync<AlpacaCallException>(SendAsync);
        _http.Answer = (_, _) => Task.FromResult(Ok());
        _time.Advance(TimeSpan.FromSeconds(19));
        var second = await Assert.ThrowsAsync<AlpacaCallException>(SendAsync);

        Assert.Equal((AlpacaFailure.RateLimited, (TimeSpan?)TimeSpan.FromSeconds(20)), (first.Failure, first.RetryAfter));
        Assert.Equal((AlpacaFailure.RateLimited, (TimeSpan?)TimeSpan.FromSeconds(1)), (second.Failure, second.RetryAfter));
        Assert.Equal(1, _http.Calls);

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(200, (await SendAsync()).Status);
        Assert.Equal(2, _http.Calls);
    }

    [Fact]
    public async Task RateLimited_WithoutRetryAfter_WaitsMaxRetryAfterSeconds()
    {
        _http.Answer = (_, _) => Task.FromResult(TooManyRequests(null));

        var error = await Assert.ThrowsAsync<AlpacaCallException>(SendAsync);

        Assert.Equal(TimeSpan.FromSeconds(5), error.RetryAfter);
        await Assert.ThrowsAsync<AlpacaCallException>(SendAsync);
        Assert.Equal(1, _http.Calls);
    }

    private async Task OpenAndCoolDownAsync()
    {
        _http.Answer = (_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.InternalServerError));
        await Assert.ThrowsAsync<AlpacaCallException>(SendAsync);
        Assert.True(_breakers.IsOpen(_key.ApiKeyId, _key.Generation));
        _time.Advance(TimeSpan.FromSeconds(30));
    }

    private async Task EndTrialAsync(string ending)
    {
        switch (ending)
        {
            case "rate limited, long Retry-After":
                _http.Answer = (_, _) => Task.FromResult(TooManyRequests(TimeSpan.FromSeconds(20)));
                Assert.Equal(AlpacaFailure.RateLimited, (await Assert.ThrowsAsync<AlpacaCallException>(SendAsync)).Failure);
                break;
            case "rate limited, no Retry-After":
                _http.Answer = (_, _) => Task.FromResult(TooManyRequests(null));
                Assert.Equal(AlpacaFailure.RateLimited, (await Assert.ThrowsAsync<AlpacaCallException>(SendAsync)).Failure);
                break;
            case "cancelled":
                using (var cancellation = new CancellationTokenSource())
                {
                    _http.Answer = async (_, token) =>
                    {
                        await cancellation.CancelAsync();
                        await Task.Delay(Timeout.Infinite, token);
                        return Ok();
                    };
                    await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                        _client.SendAsync(_key, HttpMethod.Get, Account, null, AlpacaCallKind.Read, AlpacaCaller.User, cancellation.Token));
                }

                break;
            case "integrity":
                _cipher.Throw = new CredentialIntegrityException("tampered");
                Assert.Equal("broker_unavailable", (await Assert.ThrowsAsync<ServiceUnavailableException>(SendAsync)).Code);
                break;
            default:
                _cipher.Throw = new UnknownMasterKeyVersionException(9);
                var unavailable = await Assert.ThrowsAsync<ServiceUnavailableException>(SendAsync);
                Assert.Equal("master_key_unavailable", unavailable.Code);
                Assert.DoesNotContain("Encryption:MasterKeys", unavailable.Message, StringComparison.Ordinal);
                break;
        }
    }

    private Task<AlpacaResponse> SendAsync() => _client.SendAsync(_key, HttpMethod.Get, Account, null, AlpacaCallKind.Read, AlpacaCaller.User, CancellationToken.None);

    internal static HttpResponseMessage Ok() => new(HttpStatusCode.OK) { Content = new StringContent("""{"status":"ACTIVE"}""") };

    private static HttpResponseMessage TooManyRequests(TimeSpan? retryAfter)
    {
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Content = new StringContent("""{"message":"too many requests"}""") };
        if (retryAfter is { } wait)
        {
            response.Headers.RetryAfter = new RetryConditionHeaderValue(wait);
        }

        return response;
    }

    internal sealed class StubHandler : HttpMessageHandler
    {
        private int _calls;

        public Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> Answer { get; set; } = (_, _) => Task.FromResult(Ok());

        public int Calls => _calls;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            return Answer(request, cancellationToken);
        }
    }

    internal sealed class StubFactory(HttpMessageHandler handler) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
    }

    internal sealed class StubCipher : ICredentialCipher
    {
        public Exception? Throw { get; set; }

        public int ActiveKeyVersion => 1;

        public TResult UseDecrypted<TState, TResult>(CredentialContext context, CredentialCiphertexts ciphertexts, TState state, CredentialUse<TState, TResult> use) =>
            Throw is { } exception ? throw exception : use("PKTEST"u8, "secret"u8, state);

        public CredentialCiphertexts Encrypt(CredentialContext context, ReadOnlySpan<char> apiKey, ReadOnlySpan<char> apiSecret) => throw new NotSupportedException();

        public bool CheckIntegrity(CredentialContext context, CredentialCiphertexts ciphertexts) => throw new NotSupportedException();

        public CredentialCiphertexts Reencrypt(CredentialContext context, CredentialCiphertexts ciphertexts) => throw new NotSupportedException();

        public CredentialCiphertexts Reencrypt(CredentialContext from, CredentialContext to, CredentialCiphertexts ciphertexts) => throw new NotSupportedException();

        public bool NeedsResealing(CredentialCiphertexts ciphertexts) => throw new NotSupportedException();

        public int GetKeyVersion(ReadOnlySpan<byte> blob) => throw new NotSupportedException();
    }
}
