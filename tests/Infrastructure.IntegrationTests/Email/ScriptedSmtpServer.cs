using System.Net;
using System.Net.Sockets;
using System.Text;

namespace RiskPlatform.Infrastructure.IntegrationTests.Email;

/// <summary>
/// A minimal SMTP server on 127.0.0.1 for the connection-reuse tests: it speaks just enough SMTP (EHLO, MAIL, RCPT, DATA,
/// RSET, NOOP, QUIT) to accept mail, counts the connections it accepted, the most open at once and the messages it took
/// (by Message-ID), and can hang up on a connection right after each accepted message, as a server closing idle
/// connections does.
/// </summary>
internal sealed class ScriptedSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _lock = new();
    private readonly List<string> _messageIds = [];
    private readonly List<Task> _sessions = [];
    private readonly Task _acceptLoop;
    private int _open;

    private ScriptedSmtpServer(bool hangUpAfterEachMessage)
    {
        HangUpAfterEachMessage = hangUpAfterEachMessage;
        _listener.Start();
        _acceptLoop = AcceptAsync();
    }

    public bool HangUpAfterEachMessage { get; }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public int Connections { get; private set; }

    public int MostOpenAtOnce { get; private set; }

    public IReadOnlyList<string> MessageIds
    {
        get
        {
            lock (_lock)
            {
                return [.. _messageIds];
            }
        }
    }

    public static ScriptedSmtpServer Start(bool hangUpAfterEachMessage = false) => new(hangUpAfterEachMessage);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _acceptLoop;
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        Task[] sessions;
        lock (_lock)
        {
            sessions = [.. _sessions];
        }

        await Task.WhenAll(sessions.Select(s => s.ContinueWith(_ => { }, TaskScheduler.Default)));
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var socket = await _listener.AcceptSocketAsync(_stop.Token);
            lock (_lock)
            {
                Connections++;
                _open++;
                MostOpenAtOnce = Math.Max(MostOpenAtOnce, _open);
                _sessions.Add(SessionAsync(socket));
            }
        }
    }

    private async Task SessionAsync(Socket socket)
    {
        try
        {
            await using var stream = new NetworkStream(socket, ownsSocket: true);
            using var reader = new StreamReader(stream, Encoding.ASCII);
            await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 scripted ESMTP");
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await writer.WriteLineAsync("250-scripted\r\n250 8BITMIME");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 go ahead");
                        string? messageId = null;
                        while (await reader.ReadLineAsync(_stop.Token) is { } data && data != ".")
                        {
                            if (data.StartsWith("Message-ID:", StringComparison.OrdinalIgnoreCase))
                            {
                                messageId = data["Message-ID:".Length..].Trim().Trim('<', '>');
                            }
                        }

                        lock (_lock)
                        {
                            _messageIds.Add(messageId ?? "(none)");
                        }

                        await writer.WriteLineAsync("250 queued");
                        if (HangUpAfterEachMessage)
                        {
                            return;
                        }

                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 bye");
                        return;
                    default:
                        await writer.WriteLineAsync("250 ok");
                        break;
                }
            }
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or ObjectDisposedException)
        {
        }
        finally
        {
            lock (_lock)
            {
                _open--;
            }
        }
    }
}
