using System.Net;
using System.Net.Sockets;

namespace RiskPlatform.TestSupport;

/// <summary>
/// A TCP forwarder on a free loopback port, so a test can cut a shared server off from the service under test
/// (<see cref="CutAsync"/>: new connections are refused, open ones are reset) and bring it back (<see cref="Restore"/>, same port)
/// without touching the server itself.
/// </summary>
public sealed class TcpProxy : IAsyncDisposable
{
    private readonly string _targetHost;
    private readonly int _targetPort;
    private readonly List<Socket> _open = [];
    private TcpListener? _listener;
    private CancellationTokenSource? _accepting;
    private Task _acceptLoop = Task.CompletedTask;

    private TcpProxy(string targetHost, int targetPort)
    {
        _targetHost = targetHost;
        _targetPort = targetPort;
    }

    public int Port { get; private set; }

    public static TcpProxy Start(string targetHost, int targetPort)
    {
        var proxy = new TcpProxy(targetHost, targetPort);
        proxy.Listen(0);
        return proxy;
    }

    /// <summary>Stops listening and resets every forwarded connection: the target looks down.</summary>
    public async Task CutAsync()
    {
        var accepting = _accepting;
        _accepting = null;
        if (accepting is null)
        {
            return;
        }

        await accepting.CancelAsync();
        _listener!.Stop();
        await _acceptLoop;
        accepting.Dispose();
        Socket[] open;
        lock (_open)
        {
            open = [.. _open];
            _open.Clear();
        }

        foreach (var socket in open)
        {
            try
            {
                socket.LingerState = new LingerOption(enable: true, seconds: 0); // close with RST, like a dying server
            }
            catch (ObjectDisposedException)
            {
                // Its forwarding ended meanwhile.
            }

            socket.Dispose();
        }
    }

    /// <summary>Listens again on the same port: the target is back.</summary>
    public void Restore()
    {
        if (_accepting is null)
        {
            Listen(Port);
        }
    }

    public async ValueTask DisposeAsync() => await CutAsync();

    private void Listen(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _listener = listener;
        _accepting = new CancellationTokenSource();
        _acceptLoop = AcceptAsync(listener, _accepting.Token);
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptSocketAsync(cancellationToken);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = ForwardAsync(client);
        }
    }

    private async Task ForwardAsync(Socket client)
    {
        var server = new Socket(SocketType.Stream, ProtocolType.Tcp);
        Track(client);
        Track(server);
        try
        {
            await server.ConnectAsync(_targetHost, _targetPort);
            await using var clientStream = new NetworkStream(client, ownsSocket: false);
            await using var serverStream = new NetworkStream(server, ownsSocket: false);
            await Task.WhenAny(clientStream.CopyToAsync(serverStream), serverStream.CopyToAsync(clientStream));
        }
        catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException)
        {
            // One side went away; the other is closed below.
        }
        finally
        {
            Untrack(client);
            Untrack(server);
        }
    }

    private void Track(Socket socket)
    {
        lock (_open)
        {
            _open.Add(socket);
        }
    }

    private void Untrack(Socket socket)
    {
        lock (_open)
        {
            _open.Remove(socket);
        }

        socket.Dispose();
    }
}
