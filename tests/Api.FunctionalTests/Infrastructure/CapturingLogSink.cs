using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace RiskPlatform.Api.FunctionalTests.Infrastructure;

/// <summary>Keeps every log event the host writes, rendered with its properties, so tests can search them for secrets.</summary>
public sealed class CapturingLogSink : ILogEventSink
{
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly ConcurrentQueue<LogEvent> _events = new();

    public IReadOnlyCollection<string> Lines => _lines;

    /// <summary>The events themselves, for tests that check a level or a property.</summary>
    public IReadOnlyCollection<LogEvent> Events => _events;

    public void Emit(LogEvent logEvent)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        writer.Write(logEvent.RenderMessage(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (name, value) in logEvent.Properties)
        {
            writer.Write($" {name}={value}");
        }

        if (logEvent.Exception is not null)
        {
            writer.Write(' ');
            writer.Write(logEvent.Exception.ToString());
        }

        _lines.Enqueue(writer.ToString());
        _events.Enqueue(logEvent);
    }

    public bool Contains(string value) => _lines.Any(line => line.Contains(value, StringComparison.Ordinal));
}
