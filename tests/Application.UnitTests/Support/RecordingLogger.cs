using Microsoft.Extensions.Logging;

namespace RiskPlatform.Application.UnitTests.Support;

/// <summary>Writes log lines and scope starts/ends into the <see cref="Journal"/>, named by the logging type without its generic arity.</summary>
public sealed class RecordingLogger<T>(Journal journal) : ILogger<T>
{
    public static string Category { get; } = typeof(T).Name.Split('`')[0];

    public IDisposable BeginScope<TState>(TState state)
        where TState : notnull
    {
        journal.Record($"scope-begin:{Category}");
        if (state is IEnumerable<KeyValuePair<string, object?>> values)
        {
            foreach (var (key, value) in values)
            {
                journal.Record($"scope-value:{Category}:{key}={value}");
            }
        }

        return new Scope(journal);
    }

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        journal.RecordLog(new LogEntry(Category, logLevel, formatter(state, exception), exception));

    private sealed class Scope(Journal journal) : IDisposable
    {
        public void Dispose() => journal.Record($"scope-end:{Category}");
    }
}
