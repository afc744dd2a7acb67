using System.Net;
using System.Net.Sockets;

namespace RiskPlatform.Api.FunctionalTests.Notifications;

/// <summary>
/// A TCP endpoint on 127.0.0.1 that accepts connections and never says anything: an SMTP client connected to it waits for
/// the greeting until its timeout or its cancellation. Counts the connections it accepted.
/// </summary>
internal sealed class SilentSmtpEndpoint : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly List<Socket> _accepted = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _acceptLoop;
    private bool _disposed;

    private SilentSmtpEndpoint()
    {
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _acceptLoop = AcceptAsync();
    }

    public string Host => "127.0.0.1";

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public int Accepted
    {
        get
        {
            lock (_accepted)
            {
                return _accepted.Count;
            }
        }
    }

    public static SilentSmtpEndpoint Start() => new();

    /// <summary>Closes the listener and every accepted connection (their clients see the connection end). Idempotent.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _acceptLoop;
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        lock (_accepted)
        {
            foreach (var socket in _accepted)
            {
                socket.Dispose();
            }
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (SocketException) when (_stop.IsCancellationRequested)
            {
                return;
            }

            lock (_accepted)
            {
                _accepted.Add(socket);
            }
        }
    }
}
