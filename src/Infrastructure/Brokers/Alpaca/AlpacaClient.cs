using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Infrastructure.Brokers.Accounting;

namespace RiskPlatform.Infrastructure.Brokers.Alpaca;

/// <summary>
/// Sends one logical call to Alpaca with a vault key: circuit breaker per key, a timeout per attempt
/// (<see cref="AlpacaOptions.TimeoutSeconds"/>), jittered retries for idempotent reads only, 429 Retry-After waited out when short,
/// no redirects (the handler does not follow them; a 3xx is a failure), bodies over 1 MB refused. A 429 that is not waited out
/// makes every call with the key fail fast (nothing sent) until its Retry-After has passed. A half-open circuit's trial slot is
/// handed back however the call ends. Every call is accounted once:
/// a use when Alpaca answered, an error when it did not or refused the credentials.
/// </summary>
internal sealed partial class AlpacaClient(
    IHttpClientFactory httpClientFactory,
    AlpacaCircuitBreakers breakers,
    AlpacaRequestBudget budget,
    BrokerCallAccounting accounting,
    IOptions<AlpacaOptions> options,
    TimeProvider timeProvider,
    ILogger<AlpacaClient> logger)
{
    public async Task<AlpacaResponse> SendAsync(
        AlpacaKey key, HttpMethod method, Uri uri, string? jsonBody, AlpacaCallKind kind, AlpacaCaller caller, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var what = $"{method} {uri.AbsolutePath}";
        var trial = breakers.EnsureCallAllowed(key.ApiKeyId, key.Generation);
        try
        {
            return await SendWithRetriesAsync(key, method, uri, jsonBody, kind, caller, what, settings, cancellationToken);
        }
        finally
        {
            // A half-open trial that ended without a success or failure verdict (rate limited, cancelled, credentials unusable)
            // hands its slot back; otherwise the circuit would refuse every later call.
            if (trial)
            {
                breakers.ReleaseTrial(key.ApiKeyId, key.Generation);
            }
        }
    }

    private async Task<AlpacaResponse> SendWithRetriesAsync(
        AlpacaKey key, HttpMethod method, Uri uri, string? jsonBody, AlpacaCallKind kind, AlpacaCaller caller, string what, AlpacaOptions settings,
        CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            // Nothing is sent, so nothing is accounted against the key: its owner's share is spent, not the key broken.
            if (!budget.TryTake(key.ApiKeyId, caller, out var budgetWait))
            {
                throw new AlpacaCallException(
                    AlpacaFailure.RateLimited,
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"This key's share of Alpaca's request limit is spent for this minute (a part is kept for the risk monitor); retry in {Math.Ceiling(budgetWait.TotalSeconds):0} s."),
                    retryAfter: budgetWait);
            }

            var canRetry = attempt < settings.MaxRetries;
            var result = await SendOnceAsync(key, method, uri, jsonBody, kind, what, cancellationToken);

            switch (result.Failure)
            {
                case null:
                    breakers.RecordSuccess(key.ApiKeyId, key.Generation);
                    Account(key, BrokerCallOutcome.Used, null, false);
                    return result.Response!;
                case AlpacaFailure.RateLimited when canRetry && result.RetryAfter is { } wait && wait <= TimeSpan.FromSeconds(settings.MaxRetryAfterSeconds):
                    LogRetry(logger, key.ApiKeyId, what, attempt + 1, result.Message);
                    await Task.Delay(wait, timeProvider, cancellationToken);
                    continue;
                case AlpacaFailure.Unreachable when canRetry && kind == AlpacaCallKind.Read:
                    LogRetry(logger, key.ApiKeyId, what, attempt + 1, result.Message);
                    await Task.Delay(Backoff(attempt, settings.RetryBaseDelayMilliseconds), timeProvider, cancellationToken);
                    continue;
                case AlpacaFailure.RateLimited:
                    // Not waited out here: every call with the key fails fast until Alpaca's window has passed (a missing
                    // Retry-After counts as MaxRetryAfterSeconds, at least 1 s).
                    var retryAfter = result.RetryAfter is { } asked && asked > TimeSpan.Zero
                        ? asked
                        : TimeSpan.FromSeconds(Math.Max(1, settings.MaxRetryAfterSeconds));
                    breakers.RecordRateLimited(key.ApiKeyId, key.Generation, retryAfter);
                    Account(key, BrokerCallOutcome.Failed, result.Message, false);
                    throw new AlpacaCallException(AlpacaFailure.RateLimited, result.Message, retryAfter: retryAfter);
                case AlpacaFailure.CredentialsRejected:
                    breakers.RecordFailure(key.ApiKeyId, key.Generation, result.Message);
                    Account(key, BrokerCallOutcome.Rejected, result.Message, true);
                    throw new AlpacaCallException(AlpacaFailure.CredentialsRejected, result.Message);
                default:
                    var opened = breakers.RecordFailure(key.ApiKeyId, key.Generation, result.Message);
                    Account(key, BrokerCallOutcome.Failed, result.Message, opened);
                    LogFailed(logger, key.ApiKeyId, what, result.Message);
                    throw new AlpacaCallException(AlpacaFailure.Unreachable, result.Message);
            }
        }
    }

    /// <summary>Accounts for a key that could not be used at all (nothing sent).</summary>
    public void RecordUnusable(Guid apiKeyId, string reason) =>
        accounting.Record(new BrokerCallRecord(apiKeyId, BrokerCallOutcome.Unusable, reason, true, timeProvider.GetUtcNow().UtcDateTime));

    private async Task<Attempt> SendOnceAsync(
        AlpacaKey key, HttpMethod method, Uri uri, string? jsonBody, AlpacaCallKind kind, string what, CancellationToken cancellationToken)
    {
        var client = httpClientFactory.CreateClient(AlpacaOptions.HttpClientName);
        var timeout = TimeSpan.FromSeconds(options.Value.TimeoutSeconds);
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            using var request = key.Credentials.Use((method, uri, jsonBody), static (apiKey, secret, s) => AlpacaHttp.Build(
                s.method, s.uri, apiKey, secret, s.jsonBody is null ? null : new StringContent(s.jsonBody, Encoding.UTF8, "application/json")));
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeoutSource.Token);
            var status = (int)response.StatusCode;
            var body = await AlpacaHttp.ReadBoundedAsync(response, timeoutSource.Token);
            var answered = new AlpacaResponse(status, body);
            return status switch
            {
                >= 200 and < 300 => Attempt.Ok(answered),
                401 => Attempt.Fail(AlpacaFailure.CredentialsRejected, $"Alpaca rejected the credentials (HTTP 401: {answered.ErrorMessage})."),
                403 when kind == AlpacaCallKind.Write && IsBusinessRefusal(answered.ErrorMessage) => Attempt.Ok(answered),
                403 => Attempt.Fail(AlpacaFailure.CredentialsRejected, $"Alpaca rejected the credentials (HTTP 403: {answered.ErrorMessage})."),
                429 => Attempt.Fail(
                    AlpacaFailure.RateLimited,
                    $"Alpaca's rate limit was reached (HTTP 429); retry after {RetryAfterText(response.Headers.RetryAfter)}.",
                    RetryAfter(response.Headers.RetryAfter)),
                >= 400 and < 500 and not 408 => Attempt.Ok(answered),
                _ => Attempt.Fail(AlpacaFailure.Unreachable, $"Alpaca answered HTTP {status} to {what}."),
            };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Attempt.Fail(AlpacaFailure.Unreachable, string.Create(
                CultureInfo.InvariantCulture, $"Alpaca did not answer {what} in time ({timeout.TotalSeconds:0.###} s)."));
        }
        catch (HttpRequestException exception)
        {
            return Attempt.Fail(AlpacaFailure.Unreachable, $"Alpaca could not be reached for {what} ({exception.HttpRequestError}).");
        }
        catch (AlpacaResponseTooLargeException exception)
        {
            return Attempt.Fail(AlpacaFailure.Unreachable, $"{exception.Message} ({what})");
        }
        catch (Application.Common.Exceptions.CredentialIntegrityException)
        {
            RecordUnusable(key.ApiKeyId, "The stored credentials of the bound API key failed their integrity check; rotate the key.");
            throw new ServiceUnavailableException("broker_unavailable", "The stored credentials of the bound API key failed their integrity check; rotate the key.");
        }
        catch (UnknownMasterKeyVersionException exception)
        {
            throw ServiceUnavailableException.MasterKeyUnavailable(exception);
        }
    }

    /// <summary>A 403 on an order or close that is about the order (buying power, shares available), not the credentials.</summary>
    private static bool IsBusinessRefusal(string message) =>
        message.Contains("buying power", StringComparison.OrdinalIgnoreCase)
        || message.Contains("insufficient", StringComparison.OrdinalIgnoreCase)
        || message.Contains("not sufficient", StringComparison.OrdinalIgnoreCase)
        || message.Contains("qty", StringComparison.OrdinalIgnoreCase);

    private static TimeSpan Backoff(int attempt, int baseMilliseconds)
    {
        var exponential = baseMilliseconds * Math.Pow(2, attempt);
#pragma warning disable CA5394 // jitter, not security
        var jitter = 0.5 + Random.Shared.NextDouble();
#pragma warning restore CA5394
        return TimeSpan.FromMilliseconds(exponential * jitter);
    }

    private TimeSpan? RetryAfter(RetryConditionHeaderValue? header) => header switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - timeProvider.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };

    private string RetryAfterText(RetryConditionHeaderValue? header) => RetryAfter(header) is { } wait
        ? string.Create(CultureInfo.InvariantCulture, $"{Math.Ceiling(wait.TotalSeconds):0} s")
        : "an unspecified time";

    private void Account(AlpacaKey key, BrokerCallOutcome outcome, string? message, bool bindingUnavailable) =>
        accounting.Record(new BrokerCallRecord(key.ApiKeyId, outcome, message, bindingUnavailable, timeProvider.GetUtcNow().UtcDateTime));

    [LoggerMessage(Level = LogLevel.Information, Message = "Alpaca call {What} with API key {ApiKeyId} failed (attempt {Attempt}), retrying: {Reason}")]
    private static partial void LogRetry(ILogger logger, Guid apiKeyId, string what, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alpaca call {What} with API key {ApiKeyId} failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, Guid apiKeyId, string what, string reason);

    private sealed record Attempt(AlpacaResponse? Response, AlpacaFailure? Failure, string Message, TimeSpan? RetryAfter)
    {
        public static Attempt Ok(AlpacaResponse response) => new(response, null, string.Empty, null);

        public static Attempt Fail(AlpacaFailure failure, string message, TimeSpan? retryAfter = null) => new(null, failure, message, retryAfter);
    }
}
