using System.Diagnostics;
using System.Globalization;
using RiskPlatform.Infrastructure.Persistence;
using RiskPlatform.TestSupport;

namespace RiskPlatform.Api.FunctionalTests.Actors;

/// <summary>
/// The service as a real operating-system process (the built RiskPlatform.Api.dll under <c>dotnet</c>), so a test can
/// kill it the hard way (SIGKILL) and start it again on the same database.
/// </summary>
internal sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServiceProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static Task<ServiceProcess> StartAsync(DatabaseProvider provider, string connectionString, CancellationToken cancellationToken) =>
        StartAsync(provider, connectionString, new Dictionary<string, string?>(), cancellationToken);

    /// <param name="extraSettings">Configuration on top of the test settings (keys with <c>:</c>, passed as environment variables).</param>
    public static async Task<ServiceProcess> StartAsync(
        DatabaseProvider provider, string connectionString, IReadOnlyDictionary<string, string?> extraSettings, CancellationToken cancellationToken)
    {
        var port = FreeTcpPorts.Next();
        var start = StartInfo(provider, connectionString, []);
        foreach (var (key, value) in extraSettings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = new OutputTail();
        process.OutputDataReceived += (_, line) => output.Add(line.Data);
        process.ErrorDataReceived += (_, line) => output.Add(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var service = new ServiceProcess(process, new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}"));
        using var probe = new HttpClient { BaseAddress = service.BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var lastAnswer = "no answer yet";
        try
        {
            await Eventually.ReturnsAsync(
                async () =>
                {
                    if (process.HasExited)
                    {
                        throw new InvalidOperationException(
                            $"The service exited with code {process.ExitCode} before it was ready. Its last output:{Environment.NewLine}{output}");
                    }

                    try
                    {
                        using var answer = await probe.GetAsync(new Uri("/health/ready", UriKind.Relative), cancellationToken);
                        lastAnswer = $"{(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync(cancellationToken)}";
                        return answer.IsSuccessStatusCode;
                    }
                    catch (HttpRequestException exception)
                    {
                        lastAnswer = exception.Message;
                        return false;
                    }
                    catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
                    {
                        lastAnswer = "no answer within 2 s";
                        return false;
                    }
                },
                ready => ready,
                // Generous: a cold start of the whole service on a CI box shared with other builds can take a minute; this
                // bounds a hang, it measures nothing.
                TimeSpan.FromSeconds(120),
                "the service answers /health/ready");
        }
        catch (TimeoutException timeout)
        {
            // Say why: the readiness answer and what the service wrote, not only that it was not ready.
            await service.DisposeAsync();
            throw new TimeoutException(
                $"{timeout.Message}. Last /health/ready: {lastAnswer}. Its last output:{Environment.NewLine}{output}", timeout);
        }

        return service;
    }

    /// <summary>
    /// Runs an operator command (<c>users grant-admin EMAIL</c>, <c>keys rewrap</c>) as its own process on the same database,
    /// the way an operator would next to a running service; throws unless it exits with 0.
    /// </summary>
    public static async Task RunCommandLineAsync(DatabaseProvider provider, string connectionString, string[] args, CancellationToken cancellationToken)
    {
        using var process = Process.Start(StartInfo(provider, connectionString, args)) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"'{string.Join(' ', args)}' exited with {process.ExitCode}: {await output} {await error}");
        }
    }

    private static ProcessStartInfo StartInfo(DatabaseProvider provider, string connectionString, string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "RiskPlatform.Api.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        var settings = Infrastructure.RiskPlatformApiFactory.TestSettings(provider, connectionString);
        settings["Serilog:MinimumLevel:Default"] = "Warning";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return start;
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing, no graceful drain.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    /// <summary>The last lines a service process wrote (stdout and stderr), for the message of a start that failed.</summary>
    private sealed class OutputTail
    {
        private const int Lines = 40;
        private readonly Queue<string> _lines = new();

        public void Add(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (_lines)
            {
                _lines.Enqueue(line);
                if (_lines.Count > Lines)
                {
                    _lines.Dequeue();
                }
            }
        }

        public override string ToString()
        {
            lock (_lines)
            {
                return string.Join(Environment.NewLine, _lines);
            }
        }
    }
}
