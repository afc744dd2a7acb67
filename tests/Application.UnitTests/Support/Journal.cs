namespace RiskPlatform.Application.UnitTests.Support;

/// <summary>
/// One ordered record of everything the fakes, the test handlers and the loggers saw during a request,
/// so a test can assert the order in which the pipeline did things.
/// </summary>
public sealed class Journal
{
    private readonly List<string> _entries = [];
    private readonly List<LogEntry> _logs = [];
    private readonly Lock _gate = new();

    public IReadOnlyList<string> Entries
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries];
            }
        }
    }

    public IReadOnlyList<LogEntry> Logs
    {
        get
        {
            lock (_gate)
            {
                return [.. _logs];
            }
        }
    }

    public void Record(string entry)
    {
        lock (_gate)
        {
            _entries.Add(entry);
        }
    }

    public void RecordLog(LogEntry log)
    {
        lock (_gate)
        {
            _logs.Add(log);
            _entries.Add($"log:{log.Category}:{log.Level}");
        }
    }
}
