using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace RiskPlatform.TestSupport;

/// <summary>
/// A throwaway redis-server on a free loopback port, without persistence unless given a data directory (then every write is
/// appended and synced there, so a server killed and started again on that directory has its data back, as a production
/// Redis that keeps a cluster's membership must). Tests skip with <see cref="UnavailableReason"/> when
/// <c>/usr/bin/redis-server</c> is missing.
/// </summary>
public sealed class RedisTestServer : IAsyncDisposable
{
    public const string ServerPath = "/usr/bin/redis-server";

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private RedisTestServer(int port, string? dataDirectory)
    {
        Port = port;
        var start = new ProcessStartInfo(ServerPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] persistence = dataDirectory is null
            ? ["--save", "", "--appendonly", "no"]
            : ["--dir", dataDirectory, "--save", "", "--appendonly", "yes", "--appendfsync", "always"];
        foreach (var argument in new[] { "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1" }.Concat(persistence))
        {
            start.ArgumentList.Add(argument);
        }

        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
    }

    public static string? UnavailableReason =>
        File.Exists(ServerPath) ? null : $"{ServerPath} is missing: the Redis backplane tests need redis-server.";

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    public static Task<RedisTestServer> StartAsync() => StartAsync(SmtpTestServer.FreePort());

    /// <summary>
    /// Starts on the given port: a test that stopped a server starts it again where its clients reconnect, with the data of
    /// <paramref name="dataDirectory"/> when the stopped one kept it there.
    /// </summary>
    public static async Task<RedisTestServer> StartAsync(int port, string? dataDirectory = null)
    {
        if (UnavailableReason is { } reason)
        {
            throw new InvalidOperationException(reason);
        }

        var server = new RedisTestServer(port, dataDirectory);
        server._process.Start();
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        await server.WaitUntilAcceptingAsync();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private async Task WaitUntilAcceptingAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                lock (_output)
                {
                    throw new InvalidOperationException($"redis-server exited with code {_process.ExitCode}: {_output}");
                }
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        throw new TimeoutException($"redis-server did not accept connections on port {Port}.");
    }
}
