using System.Net;
using System.Text.Json;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RiskPlatform.Application.Common.Brokers;
using RiskPlatform.Application.Common.Credentials;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.ApiKeys;

namespace RiskPlatform.Infrastructure.Brokers.Alpaca;

/// <summary>
/// Checks an Alpaca key with <c>GET /v2/account</c>: 200 → ok, 401/403 → rejected, timeout, network error or 5xx →
/// unreachable. The send and the body read share one <see cref="AlpacaOptions.TimeoutSeconds"/> deadline. The credential headers are built inside the decryption callback and live only as long as the one request.
/// The verify command counts the outcome on the key (usage, error, rejection toward deactivation) and moves a binding to the key;
/// an accepted key also closes the key's circuit breaker.
/// </summary>
internal sealed partial class AlpacaCredentialVerifier(
    IHttpClientFactory httpClientFactory,
    AlpacaEndpoints endpoints,
    AlpacaCircuitBreakers breakers,
    IOptions<AlpacaOptions> options,
    ILogger<AlpacaCredentialVerifier> logger) : IBrokerCredentialVerifier
{
    public bool Supports(Broker broker) => broker == Broker.Alpaca;

    public async Task<BrokerVerificationResult> VerifyAsync(
        BrokerCredentialTarget target, DecryptedCredentialAccess credentials, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(credentials);
        var uri = AlpacaEndpoints.Combine(endpoints.TradingBase(target.BaseUrl, target.IsPaperTrading), "v2/account");
        var client = httpClientFactory.CreateClient(AlpacaOptions.HttpClientName);
        var timeout = TimeSpan.FromSeconds(options.Value.TimeoutSeconds);

        // One deadline for the send and the body: HttpClient.Timeout ends at the headers, and a 200 that stalls mid-body must
        // not hang the verification.
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            using var request = credentials.Use(uri, static (key, secret, u) => AlpacaHttp.Build(HttpMethod.Get, u, key, secret));
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeoutSource.Token);
            var status = (int)response.StatusCode;
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var body = await AlpacaHttp.ReadBoundedAsync(response, timeoutSource.Token);
                if (!IsAccount(body))
                {
                    return Unreachable(target, "Alpaca answered 200 without an account document.");
                }

                // The key works: trading calls with it may go out again at once (the circuit closes).
                breakers.Reset(target.ApiKeyId);
                return new BrokerVerificationResult(VerificationOutcome.Ok, null);
            }

            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                LogRejected(logger, target.ApiKeyId, status);
                return new BrokerVerificationResult(VerificationOutcome.Rejected, $"Alpaca rejected the credentials (HTTP {status}).");
            }

            return Unreachable(target, $"Alpaca answered HTTP {status}.");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Unreachable(target, string.Create(
                CultureInfo.InvariantCulture, $"Alpaca did not answer in time ({timeout.TotalSeconds:0.###} s)."));
        }
        catch (HttpRequestException exception)
        {
            return Unreachable(target, $"Alpaca could not be reached ({exception.HttpRequestError}).");
        }
        catch (AlpacaResponseTooLargeException exception)
        {
            return Unreachable(target, exception.Message);
        }
    }

    private BrokerVerificationResult Unreachable(BrokerCredentialTarget target, string message)
    {
        LogUnreachable(logger, target.ApiKeyId, message);
        return new BrokerVerificationResult(VerificationOutcome.Unreachable, message);
    }

    private static bool IsAccount(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("status", out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Alpaca rejected API key {ApiKeyId} (HTTP {Status})")]
    private static partial void LogRejected(ILogger logger, Guid apiKeyId, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alpaca check of API key {ApiKeyId} failed: {Reason}")]
    private static partial void LogUnreachable(ILogger logger, Guid apiKeyId, string reason);
}
