using System.Net;
using RiskPlatform.Api.FunctionalTests.Infrastructure;

namespace RiskPlatform.Api.FunctionalTests.Platform;

public abstract class PlatformTests(ApiFixture fixture) : FunctionalTest(fixture)
{
    [Fact]
    public async Task MalformedJson_Returns400ProblemNotA500()
    {
        var response = await Anonymous().PostRawAsync("/api/v1/auth/register", "{\"email\": \"x@example.com\", ");

        response.EnsureValidationError("body");
    }

    [Fact]
    public async Task WrongJsonType_Returns400NamingTheField()
    {
        var response = await Anonymous().PostRawAsync("/api/v1/auth/login", "{\"email\": [1,2], \"password\": \"x\"}");

        response.EnsureValidationError("email");
    }

    [Fact]
    public async Task BodyOverOneMegabyte_Returns413Problem()
    {
        var huge = "{\"email\":\"" + new string('a', 1024 * 1024) + "\"}";

        var response = await Anonymous().PostRawAsync("/api/v1/auth/login", huge);

        response.EnsureProblem(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task UnknownRoute_Returns404()
    {
        var response = await Anonymous().GetAsync("/api/v1/no-such-thing");

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheEndpoints()
    {
        var response = (await Anonymous().GetAsync("/openapi/v1.json")).EnsureStatus(HttpStatusCode.OK);

        var paths = response.Body!["paths"]!.AsObject();
        Assert.Contains("/api/v1/auth/register", paths.Select(p => p.Key));
        Assert.Contains("/api/v1/audit-logs", paths.Select(p => p.Key.TrimEnd('/')));
    }

    [Fact]
    public async Task OpenApiDocument_GivesEveryOperationAUniqueIdNamedAfterItsEndpointMethod()
    {
        var response = (await Anonymous().GetAsync("/openapi/v1.json")).EnsureStatus(HttpStatusCode.OK);

        var operations = response.Body!["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(op => (Route: $"{op.Key} {path.Key}", Id: op.Value!["operationId"]?.GetValue<string>())))
            .ToList();
        Assert.True(operations.Count > 20, $"only {operations.Count} operations");
        Assert.All(operations, op => Assert.False(string.IsNullOrEmpty(op.Id), $"{op.Route} has no operationId"));
        var duplicates = operations.GroupBy(op => op.Id).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(o => o.Route))}");
        Assert.Empty(duplicates);
        Assert.Contains(operations, op => op.Id == "Register");
    }

    [Fact]
    public async Task Decimals_AreWrittenWithoutTheColumnsTrailingZeros()
    {
        var client = await SignedInAsync();

        var created = (await client.PostAsync("/api/v1/risk-rules", new
        {
            name = "Order value", rule_type = "max_order_value", threshold_value = 5000, threshold_unit = "dollars", action = "block",
        })).EnsureStatus(HttpStatusCode.Created);
        var read = (await client.GetAsync($"/api/v1/risk-rules/{created.Body!["id"]!.GetValue<Guid>()}")).EnsureStatus(HttpStatusCode.OK);

        Assert.Contains("\"threshold_value\":5000,", read.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthEndpoints_ReportLiveAndReadyWhenMigrated()
    {
        (await Anonymous().GetAsync("/health/live")).EnsureStatus(HttpStatusCode.OK);
        var ready = (await Anonymous().GetAsync("/health/ready")).EnsureStatus(HttpStatusCode.OK);
        Assert.Equal("Healthy", ready.Text);
    }
}

[Collection(nameof(SqliteCollection))]
public sealed class PlatformTestsOnSqlite(SqliteApiFixture fixture) : PlatformTests(fixture);

[Collection(nameof(PostgresCollection))]
public sealed class PlatformTestsOnPostgres(PostgresApiFixture fixture) : PlatformTests(fixture);
