using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace RiskPlatform.TestSupport;

/// <summary>
/// A real SMTP server for tests: Debian's aiosmtpd (<c>/usr/bin/python3 -m aiosmtpd</c>) on a free loopback port, storing
/// accepted mail in a Maildir that <see cref="Messages"/> reads back with MimeKit. It can be stopped and started again on
/// the same port and Maildir to simulate an outage. Tests skip with <see cref="UnavailableReason"/> when aiosmtpd is missing.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    public const string PythonPath = "/usr/bin/python3";
    private const string HandlerModule = "riskplatform_smtp_handlers";

    private static readonly Lazy<string?> Unavailable = new(ProbeAiosmtpd);
    private readonly SmtpTestHandler _handler;
    private readonly string _root;
    private readonly StringBuilder _output = new();
    private Process? _process;

    private SmtpTestServer(SmtpTestHandler handler, int port, string root)
    {
        _handler = handler;
        Port = port;
        _root = root;
    }

    /// <summary>Why the server can't run here, or null when it can.</summary>
    public static string? UnavailableReason => Unavailable.Value;

    public string Host => "127.0.0.1";

    public int Port { get; }

    public string MailDir => Path.Combine(_root, "maildir");

    public bool IsRunning => _process is { HasExited: false };

    public static async Task<SmtpTestServer> StartAsync(SmtpTestHandler handler = SmtpTestHandler.Mailbox)
    {
        if (UnavailableReason is { } reason)
        {
            throw new InvalidOperationException(reason);
        }

        var root = Path.Combine(Path.GetTempPath(), $"riskplatform-smtp-{Guid.NewGuid():N}");
        var server = new SmtpTestServer(handler, FreePort(), root);
        foreach (var folder in new[] { "cur", "new", "tmp" })
        {
            Directory.CreateDirectory(Path.Combine(server.MailDir, folder));
        }

        await WriteHandlerModuleAsync(root);
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>Finds a port nobody listens on (the OS picks one; the listener is closed at once).</summary>
    public static int FreePort() => FreeTcpPorts.Next();

    /// <summary>Starts the process (again) on the same port and Maildir and waits until the port accepts connections.</summary>
    public async Task StartAgainAsync()
    {
        if (IsRunning)
        {
            return;
        }

        var start = new ProcessStartInfo(PythonPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-m", "aiosmtpd", "-n", "-l", $"{Host}:{Port}", "-c" })
        {
            start.ArgumentList.Add(argument);
        }

        switch (_handler)
        {
            case SmtpTestHandler.Mailbox:
                start.ArgumentList.Add("aiosmtpd.handlers.Mailbox");
                start.ArgumentList.Add(MailDir);
                break;
            default:
                start.ArgumentList.Add($"{HandlerModule}.{_handler}");
                break;
        }

        start.Environment["PYTHONPATH"] = _root;
        start.Environment["PYTHONUNBUFFERED"] = "1";
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        await WaitUntilAcceptingAsync(process);
    }

    /// <summary>Stops the process (an outage); the Maildir is kept.</summary>
    public async Task StopAsync()
    {
        if (_process is not { } process)
        {
            return;
        }

        _process = null;
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
        process.Dispose();
    }

    /// <summary>Every message delivered so far, parsed.</summary>
    public IReadOnlyList<MimeMessage> Messages() =>
        new[] { "new", "cur" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(MailDir, folder)))
            .Select(file => MimeMessage.Load(file))
            .ToList();

    /// <summary>Polls the Maildir until at least <paramref name="count"/> messages arrived.</summary>
    public Task<IReadOnlyList<MimeMessage>> WaitForMessagesAsync(int count, TimeSpan? timeout = null) =>
        Eventually.ReturnsAsync(() => Task.FromResult(Messages()), m => m.Count >= count, timeout, $"{count} message(s) in {MailDir}");

    public string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless.
        }
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

    private async Task WaitUntilAcceptingAsync(Process process)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"aiosmtpd exited with code {process.ExitCode}: {Output()}");
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

        throw new TimeoutException($"aiosmtpd did not accept connections on port {Port}: {Output()}");
    }

    private static async Task WriteHandlerModuleAsync(string root)
    {
        var assembly = typeof(SmtpTestServer).Assembly;
        var resource = assembly.GetManifestResourceNames().Single(n => n.EndsWith($"{HandlerModule}.py", StringComparison.Ordinal));
        await using var source = assembly.GetManifestResourceStream(resource)!;
        await using var target = File.Create(Path.Combine(root, $"{HandlerModule}.py"));
        await source.CopyToAsync(target);
    }

    private static string? ProbeAiosmtpd()
    {
        if (!File.Exists(PythonPath))
        {
            return $"{PythonPath} is missing: the SMTP tests need Debian's python3-aiosmtpd.";
        }

        try
        {
            using var probe = Process.Start(new ProcessStartInfo(PythonPath, ["-c", "import aiosmtpd"])
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            })!;
            probe.WaitForExit(TimeSpan.FromSeconds(20));
            return probe.HasExited && probe.ExitCode == 0
                ? null
                : $"{PythonPath} -c \"import aiosmtpd\" failed: install python3-aiosmtpd to run the SMTP tests.";
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            return $"{PythonPath} could not be started ({exception.Message}).";
        }
    }
}
