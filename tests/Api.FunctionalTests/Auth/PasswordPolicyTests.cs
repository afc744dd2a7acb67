using System.Buffers.Binary;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using RiskPlatform.Domain.Users;
using RiskPlatform.Infrastructure.Persistence;

namespace RiskPlatform.Api.FunctionalTests.Auth;

/// <summary>
/// The configurable minimum length, the common-password list (shipped, plus the operator's file), and password hashes brought
/// up to the configured PBKDF2 cost at sign-in.
/// </summary>
public abstract class PasswordPolicyTests(ApiFixture fixture) : FunctionalTest(fixture)
{
    [Fact]
    public async Task Register_WithAConfiguredMinimumLength_RefusesShorterPasswordsNamingPassword()
    {
        await using var host = Host(new() { ["Accounts:PasswordMinLength"] = "12" });
        using var client = new ApiClient(host.CreateClient());

        (await client.PostAsync("/api/v1/auth/register", new { email = "short@example.com", password = "Horse-42-ok", full_name = "S" }))
            .EnsureValidationError("password");
        (await client.PostAsync("/api/v1/auth/register", new { email = "long@example.com", password = "Horse-42-okay", full_name = "L" }))
            .EnsureStatus(HttpStatusCode.Created);

        // The default stays 8, as the earlier system's clients expect.
        (await Anonymous().PostAsync("/api/v1/auth/register", new { email = "eight@example.com", password = "Horse-42", full_name = "E" }))
            .EnsureStatus(HttpStatusCode.Created);
    }

    [Theory]
    [InlineData("sunflower")]
    [InlineData("Alexander")]
    [InlineData("BIRTHDAY")]
    public async Task Register_WithAPasswordOnTheShippedCommonList_IsRefusedNamingPassword(string password)
    {
        (await Anonymous().PostAsync("/api/v1/auth/register", new { email = "common@example.com", password, full_name = "C" }))
            .EnsureValidationError("password");

        (await Anonymous().PostAsync("/api/v1/auth/register", new { email = "common@example.com", password = "Sunflower-Lantern-93", full_name = "C" }))
            .EnsureStatus(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Register_WithAnOperatorCommonPasswordsFile_RefusesItsEntriesToo()
    {
        var path = Path.Combine(Path.GetTempPath(), $"riskplatform-common-{Guid.NewGuid():N}.txt");
        await File.WriteAllLinesAsync(path, ["#!comment: names around the office", "AcmeTrading-2026"], TestContext.Current.CancellationToken);
        try
        {
            await using var host = Host(new() { ["Accounts:CommonPasswordsFile"] = path });
            using var client = new ApiClient(host.CreateClient());

            (await client.PostAsync("/api/v1/auth/register", new { email = "acme@example.com", password = "acmetrading-2026", full_name = "A" }))
                .EnsureValidationError("password");
            (await client.PostAsync("/api/v1/auth/register", new { email = "acme@example.com", password = "sunflower", full_name = "A" }))
                .EnsureValidationError("password");

            // The operator's entry is theirs alone: a host without the file accepts it.
            (await Anonymous().PostAsync("/api/v1/auth/register", new { email = "acme@example.com", password = "AcmeTrading-2026", full_name = "A" }))
                .EnsureStatus(HttpStatusCode.Created);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task SignIn_WhenTheStoredHashIsCheaperThanConfigured_StoresOneAtTheConfiguredCost()
    {
        const string email = "rehash@example.com";
        var user = await SignedInAsync(email);
        Assert.Equal(RiskPlatformApiFactory.TestPasswordHashIterations, await IterationsAsync(user.UserId));

        await using var host = Host(new() { ["Accounts:PasswordHashIterations"] = "120000" });
        using var client = new ApiClient(host.CreateClient());
        await client.SignInAsync(email, "Correct-Horse-42");

        Assert.Equal(120_000, await IterationsAsync(user.UserId));
        await client.SignInAsync(email, "Correct-Horse-42");
    }

    private RiskPlatformApiFactory Host(Dictionary<string, string?> settings) =>
        new(Fixture.Provider, Fixture.ConnectionString, Fixture.Logs, settings: settings);

    /// <summary>The PBKDF2 iteration count inside an ASP.NET Core Identity format 3 hash (big-endian, after the marker and the PRF).</summary>
    private async Task<int> IterationsAsync(Guid userId)
    {
        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        var hash = await scope.ServiceProvider.GetRequiredService<RiskPlatformDbContext>().Set<User>().AsNoTracking()
            .Where(u => u.Id == userId).Select(u => u.PasswordHash).SingleAsync(TestContext.Current.CancellationToken);
        var bytes = Convert.FromBase64String(hash);
        Assert.Equal(0x01, bytes[0]);
        return (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5, 4));
    }
}

[Collection(nameof(SqliteCollection))]
public sealed class PasswordPolicyTestsOnSqlite(SqliteApiFixture fixture) : PasswordPolicyTests(fixture);

[Collection(nameof(PostgresCollection))]
public sealed class PasswordPolicyTestsOnPostgres(PostgresApiFixture fixture) : PasswordPolicyTests(fixture);
