using Microsoft.Extensions.Logging;

namespace RiskPlatform.Application.UnitTests.Support;

public sealed record LogEntry(string Category, LogLevel Level, string Message, Exception? Exception);
