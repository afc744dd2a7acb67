using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using RiskPlatform.Application.Common.Credentials;
using RiskPlatform.Application.Common.Interfaces;

namespace RiskPlatform.Infrastructure.Brokers.Alpaca.Streams;

/// <summary>
/// What every Alpaca stream of one bound key shares, kept open until stopped: connect, authenticate (the credentials are
/// decrypted only to write the auth message, whose buffer is zeroed once sent) and whatever else the stream's handshake needs,
/// all within <see cref="AlpacaOptions.StreamHandshakeTimeoutSeconds"/>; then the stream's session; a lost connection is opened
/// again after a jittered, doubling back-off (refused credentials: the longest one). Messages are read whole, from text or
/// binary frames, at most <see cref="MaxMessageBytes"/>.
/// </summary>
internal abstract partial class AlpacaStreamConnection(
    AlpacaStreamBinding binding,
    Uri url,
    DecryptedCredentialAccess credentials,
    AlpacaOptions options,
    ILogger logger)
{
    /// <summary>Largest stream message read; a bigger one drops the connection.</summary>
    public const int MaxMessageBytes = AlpacaOptions.MaxResponseBytes;

    /// <summary>Room for the auth message, so the buffer holding the credentials never grows (and leaves no copy behind).</summary>
    private const int AuthBufferBytes = 8 * 1024;

    protected AlpacaStreamBinding Binding => binding;

    protected AlpacaOptions Options => options;

    protected ILogger Logger => logger;

    /// <summary>The stream's name in log lines ("trade-update", "market-data").</summary>
    protected abstract string StreamName { get; }

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan delay;
            try
            {
                using var socket = new ClientWebSocket();
                await ConnectAsync(socket, stoppingToken);
                failures = 0;
                LogListening(logger, StreamName, binding.UserId, binding.ApiKeyId);
                await RunSessionAsync(socket, stoppingToken);
                LogClosed(logger, StreamName, binding.UserId, binding.ApiKeyId);
                delay = Backoff(failures);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (AlpacaStreamRefusedException refused)
            {
                LogRefused(logger, StreamName, binding.UserId, binding.ApiKeyId, refused.Message);
                delay = TimeSpan.FromSeconds(options.StreamReconnectMaxDelaySeconds);
            }
#pragma warning disable CA1031 // The consumer never dies: whatever broke the connection, it is opened again.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogDisconnected(logger, StreamName, binding.UserId, binding.ApiKeyId, exception.GetType().Name, exception.Message);
                delay = Backoff(failures++);
            }

            try
            {
                await Task.Delay(delay, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>
    /// After the socket is open: authenticate (with <see cref="SendAuthenticationAsync"/>) and ask for the stream's data; throws
    /// <see cref="AlpacaStreamRefusedException"/> when Alpaca refuses. <paramref name="handshakeToken"/> ends at the timeout.
    /// </summary>
    protected abstract Task HandshakeAsync(ClientWebSocket socket, CancellationToken handshakeToken);

    /// <summary>Consumes the stream until the server closes it (returns) or the connection fails (throws).</summary>
    protected abstract Task RunSessionAsync(ClientWebSocket socket, CancellationToken stoppingToken);

    /// <summary>The auth message both of Alpaca's streams take: <c>{"action":"auth","key":"…","secret":"…"}</c>.</summary>
    protected async Task SendAuthenticationAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(AuthBufferBytes);
        try
        {
            credentials.Use(buffer, static (apiKey, apiSecret, writer) =>
            {
                using var json = new Utf8JsonWriter(writer);
                json.WriteStartObject();
                json.WriteString("action"u8, "auth"u8);
                json.WriteString("key"u8, apiKey);
                json.WriteString("secret"u8, apiSecret);
                json.WriteEndObject();
                json.Flush();
                return writer.WrittenCount;
            });
            await socket.SendAsync(buffer.WrittenMemory, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        finally
        {
            buffer.Clear(); // zeroes the written bytes: the credentials live as long as one send
        }
    }

    /// <summary>One whole message (text or binary frames; Alpaca's paper stream sends binary), or null when the server closed.</summary>
    protected async Task<ReadOnlyMemory<byte>?> ReceiveAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        ValueWebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer.GetMemory(4096), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            buffer.Advance(result.Count);
            if (buffer.WrittenCount > MaxMessageBytes)
            {
                throw new WebSocketException($"A {StreamName} stream message exceeded {MaxMessageBytes} bytes.");
            }
        }
        while (!result.EndOfMessage);

        return buffer.WrittenMemory;
    }

    /// <summary>Like <see cref="ReceiveAsync"/>, but the server closing is a failure, naming what was awaited.</summary>
    protected async Task<ReadOnlyMemory<byte>> ReceiveExpectedAsync(ClientWebSocket socket, string awaited, CancellationToken cancellationToken) =>
        await ReceiveAsync(socket, cancellationToken)
            ?? throw new WebSocketException($"Alpaca closed the {StreamName} stream before its {awaited} answer.");

    private async Task ConnectAsync(ClientWebSocket socket, CancellationToken stoppingToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.StreamHandshakeTimeoutSeconds));
        try
        {
            await socket.ConnectAsync(url, timeout.Token);
            await HandshakeAsync(socket, timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The {StreamName} stream did not complete its handshake within {options.StreamHandshakeTimeoutSeconds} s.");
        }
    }

    /// <summary>Doubling from the base delay up to the maximum, each wait drawn between half and one and a half of it.</summary>
    private TimeSpan Backoff(int failures)
    {
        var max = TimeSpan.FromSeconds(options.StreamReconnectMaxDelaySeconds);
        var nominal = TimeSpan.FromMilliseconds(options.StreamReconnectBaseDelayMilliseconds * Math.Pow(2, Math.Min(failures, 16)));
        var jittered = (nominal < max ? nominal : max) * (0.5 + Random.Shared.NextDouble());
        return jittered < max ? jittered : max;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Alpaca {Stream} stream of user {UserId} (key {ApiKeyId}) is listening")]
    private static partial void LogListening(ILogger logger, string stream, Guid userId, Guid apiKeyId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alpaca closed the {Stream} stream of user {UserId} (key {ApiKeyId}); reconnecting")]
    private static partial void LogClosed(ILogger logger, string stream, Guid userId, Guid apiKeyId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alpaca {Stream} stream of user {UserId} (key {ApiKeyId}) refused: {Reason}; retrying after the longest back-off")]
    private static partial void LogRefused(ILogger logger, string stream, Guid userId, Guid apiKeyId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alpaca {Stream} stream of user {UserId} (key {ApiKeyId}) lost ({ErrorType}: {Error}); reconnecting")]
    private static partial void LogDisconnected(ILogger logger, string stream, Guid userId, Guid apiKeyId, string errorType, string error);
}
