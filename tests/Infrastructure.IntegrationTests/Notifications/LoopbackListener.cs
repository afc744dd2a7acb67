using System.Net;
using RiskPlatform.TestSupport;

namespace RiskPlatform.Infrastructure.IntegrationTests.Notifications;

/// <summary>A small HTTP server on a free loopback port that answers every request with the given action and counts them.</summary>
internal sealed class LoopbackListener : IDisposable
{
    private readonly HttpListener _listener = new();
    private int _requests;

    /// <summary>
    /// Picks the port only. The prefix is registered when <see cref="Serve"/> starts the listener: the managed
    /// <see cref="HttpListener"/> binds a prefix's port again when it removes the prefix on close, so a listener that
    /// never served would, on dispose, bind a port that a test's own socket or another test may hold by then.
    /// </summary>
    public LoopbackListener() => Port = FreeTcpPorts.Next();

    public int Port { get; }

    public Uri BaseUrl => new($"http://127.0.0.1:{Port}/");

    public int Requests => Volatile.Read(ref _requests);

    public void Serve(Action<HttpListenerContext> answer)
    {
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _ = Task.Run(async () =>
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }

                Interlocked.Increment(ref _requests);
                answer(context);
                try
                {
                    context.Response.Close();
                }
                catch (Exception exception) when (exception is HttpListenerException or IOException or ObjectDisposedException)
                {
                    // The client went away first.
                }
            }
        });
    }

    public void Dispose()
    {
        if (!_listener.IsListening)
        {
            return;
        }

        _listener.Stop();
        _listener.Close();
    }
}
