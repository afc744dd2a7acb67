using System.Net;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using Serilog.Events;

namespace RiskPlatform.Api.FunctionalTests.Platform;

public abstract class RequestLoggingTests(ApiFixture fixture) : FunctionalTest(fixture)
{
    private const string RegisterPath = "/api/v1/auth/register";

    [Fact]
    public async Task HandledConflict_IsLoggedWithItsRealStatusAndNotAsAnError()
    {
        await SignedInAsync("taken@example.com");
        var before = Fixture.Logs.Events.Count;

        (await Anonymous().PostAsync(RegisterPath, new { email = "taken@example.com", password = "Correct-Horse-42", full_name = "Dup" }))
            .EnsureStatus(HttpStatusCode.Conflict);

        var logged = await RequestLogAsync(before, RegisterPath);
        Assert.Equal("409", logged.Properties["StatusCode"].ToString());
        Assert.Equal(LogEventLevel.Information, logged.Level);
        Assert.Null(logged.Exception);
    }

    [Fact]
    public async Task HandledValidationFailure_IsLoggedWithItsRealStatusAndNotAsAnError()
    {
        var before = Fixture.Logs.Events.Count;

        (await Anonymous().PostAsync(RegisterPath, new { email = "short@example.com", password = "short", full_name = "Short" }))
            .EnsureValidationError("password");

        var logged = await RequestLogAsync(before, RegisterPath);
        Assert.Equal("400", logged.Properties["StatusCode"].ToString());
        Assert.Equal(LogEventLevel.Information, logged.Level);
        Assert.Null(logged.Exception);
    }

    /// <summary>
    /// The request logger writes its event as the response completes, which may be just after the client has read it:
    /// waits (bounded) for the first request-completion event for <paramref name="path"/> written after <paramref name="before"/>.
    /// </summary>
    private async Task<LogEvent> RequestLogAsync(int before, string path)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var logged = Fixture.Logs.Events.Skip(before).FirstOrDefault(e =>
                e.MessageTemplate.Text.StartsWith("HTTP ", StringComparison.Ordinal)
                && e.Properties.TryGetValue("RequestPath", out var requestPath)
                && requestPath is ScalarValue { Value: string value }
                && value == path);
            if (logged is not null)
            {
                return logged;
            }

            Assert.True(
                DateTime.UtcNow < deadline,
                $"No request log for {path}; logged since: {string.Join(Environment.NewLine, Fixture.Logs.Lines.Skip(before).Take(50))}");
            await Task.Delay(TimeSpan.FromMilliseconds(20), TestContext.Current.CancellationToken);
        }
    }
}

[Collection(nameof(SqliteCollection))]
public sealed class RequestLoggingTestsOnSqlite(SqliteApiFixture fixture) : RequestLoggingTests(fixture);

[Collection(nameof(PostgresCollection))]
public sealed class RequestLoggingTestsOnPostgres(PostgresApiFixture fixture) : RequestLoggingTests(fixture);
