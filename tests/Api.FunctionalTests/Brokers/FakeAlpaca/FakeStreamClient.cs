using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace RiskPlatform.Api.FunctionalTests.Brokers.FakeAlpaca;

/// <summary>
/// One client of a fake Alpaca stream: sends are serialised (a WebSocket allows one at a time) in the stream's frame type
/// (Alpaca's paper trade-update stream sends binary frames, the market-data stream text); <see cref="ReceiveJsonAsync"/> reads one
/// whole message.
/// </summary>
internal sealed class FakeStreamClient(WebSocket socket, WebSocketMessageType frames)
{
    private readonly SemaphoreSlim _sending = new(1, 1);

    public WebSocket Socket { get; } = socket;

    public Task SendAsync(string message, CancellationToken cancellationToken) => SendAsync(Encoding.UTF8.GetBytes(message), cancellationToken);

    public async Task SendAsync(byte[] message, CancellationToken cancellationToken)
    {
        await _sending.WaitAsync(cancellationToken);
        try
        {
            await Socket.SendAsync(message, frames, endOfMessage: true, cancellationToken);
        }
        finally
        {
            _sending.Release();
        }
    }

    /// <summary>The client's next message parsed as JSON, or null when the client closed.</summary>
    public async Task<JsonDocument?> ReceiveJsonAsync(CancellationToken cancellationToken) =>
        await ReceiveAsync(Socket, cancellationToken) is { } text ? JsonDocument.Parse(text) : null;

    /// <summary>One whole text message, or null when the client closed.</summary>
    private static async Task<string?> ReceiveAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(chunk, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            buffer.Write(chunk, 0, result.Count);
        }
        while (!result.EndOfMessage);

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
