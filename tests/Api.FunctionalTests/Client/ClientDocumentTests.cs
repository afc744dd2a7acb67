using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using RiskPlatform.Api.FunctionalTests.Infrastructure;

namespace RiskPlatform.Api.FunctionalTests.Client;

/// <summary>
/// The typed client is generated from src/Client/openapi.json: it must be the document the service serves, or the client
/// would be built against a contract the service no longer keeps. Refresh it with <c>UPDATE_CLIENT_DOCUMENT=1</c> and rebuild.
/// </summary>
[Collection(nameof(SqliteCollection))]
public sealed class ClientDocumentTests(SqliteApiFixture fixture) : FunctionalTest(fixture)
{
    [Fact]
    public async Task ClientDocument_IsTheDocumentTheServiceServes()
    {
        var served = Comparable((await Anonymous().GetAsync("/openapi/v1.json")).EnsureStatus(HttpStatusCode.OK).Text);
        var path = Path.Combine(RepositoryRoot(), "src", "Client", "openapi.json");
        if (Environment.GetEnvironmentVariable("UPDATE_CLIENT_DOCUMENT") == "1")
        {
            await File.WriteAllTextAsync(path, served.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n", TestContext.Current.CancellationToken);
        }

        var client = Comparable(await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken));

        Assert.True(
            JsonNode.DeepEquals(served, client),
            "src/Client/openapi.json is not the service's document: run this test with UPDATE_CLIENT_DOCUMENT=1, rebuild the client and review the diff.");
    }

    /// <summary>The document without its servers (the address it was read from).</summary>
    private static JsonObject Comparable(string json)
    {
        var document = JsonNode.Parse(json)!.AsObject();
        document.Remove("servers");
        return document;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "RiskPlatform.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("RiskPlatform.sln not found above " + AppContext.BaseDirectory);
    }
}
