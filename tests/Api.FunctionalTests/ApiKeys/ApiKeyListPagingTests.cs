using System.Net;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using static RiskPlatform.Api.FunctionalTests.ApiKeys.ApiKeyTestData;

namespace RiskPlatform.Api.FunctionalTests.ApiKeys;

/// <summary>
/// Revoked keys do not grow the unpaged <c>GET /api-keys</c> without bound (Vault:RevokedKeysListed, 20 by default, of the
/// most recently revoked stay in it); every revoked key is reached through <c>limit</c>/<c>offset</c> pages.
/// </summary>
public abstract class ApiKeyListPagingTests(ApiFixture fixture) : FunctionalTest(fixture)
{
    private const int RevokedListed = 20;

    [Fact]
    public async Task List_OfAUserWithMoreRevokedKeysThanListed_ShowsTheRecentlyRevokedUnpagedAndEveryOneThroughPages()
    {
        var client = await SignedInAsync();
        var created = new List<Guid>();
        for (var i = 0; i < RevokedListed + 3; i++)
        {
            created.Add(IdOf(await CreateAsync(client, $"key {i}")));
        }

        // Revoke 21 keys, the 21st created first: it is the least recently revoked though not the oldest.
        var revokedFirst = created[RevokedListed];
        var revokeOrder = new[] { revokedFirst }.Concat(created.Take(RevokedListed)).ToList();
        foreach (var id in revokeOrder)
        {
            (await client.DeleteAsync($"{Route}/{id}")).EnsureStatus(HttpStatusCode.NoContent);
        }

        var live = created.Skip(RevokedListed + 1).ToList();
        var newestFirst = Enumerable.Reverse(created).ToList();

        // Unpaged, as the existing clients call it: every live key and the 20 most recently revoked, newest created first.
        var unpaged = Ids((await client.GetAsync(Route)).EnsureStatus(HttpStatusCode.OK).Array);
        Assert.Equal(newestFirst.Where(id => id != revokedFirst), unpaged);
        var revokedUnpaged = Ids((await client.GetAsync($"{Route}?status=revoked")).EnsureStatus(HttpStatusCode.OK).Array);
        Assert.Equal(newestFirst.Where(id => id != revokedFirst && !live.Contains(id)), revokedUnpaged);

        // Pages reach every revoked key, the one left out above included.
        var firstPage = Ids((await client.GetAsync($"{Route}?status=revoked&limit=15&offset=0")).EnsureStatus(HttpStatusCode.OK).Array);
        var secondPage = Ids((await client.GetAsync($"{Route}?status=revoked&limit=15&offset=15")).EnsureStatus(HttpStatusCode.OK).Array);
        Assert.Equal(15, firstPage.Count);
        Assert.Equal(newestFirst.Where(id => !live.Contains(id)), firstPage.Concat(secondPage));

        // Without a status filter a page holds revoked and live keys alike, in the list's order.
        var mixed = Ids((await client.GetAsync($"{Route}?limit=4&offset=1")).EnsureStatus(HttpStatusCode.OK).Array);
        Assert.Equal(newestFirst.Skip(1).Take(4), mixed);
        Assert.Contains(revokedFirst, mixed);
    }

    [Fact]
    public async Task List_OfAnotherUsersRevokedKeys_NeverShowsThem()
    {
        var owner = await SignedInAsync();
        var ownersKey = IdOf(await CreateAsync(owner, "owner's key"));
        (await owner.DeleteAsync($"{Route}/{ownersKey}")).EnsureStatus(HttpStatusCode.NoContent);
        var someoneElse = await SignedInAsync();

        Assert.Empty((await someoneElse.GetAsync($"{Route}?status=revoked&limit=200")).EnsureStatus(HttpStatusCode.OK).Array);
        Assert.Empty((await someoneElse.GetAsync(Route)).EnsureStatus(HttpStatusCode.OK).Array);
        Assert.Equal([ownersKey], Ids((await owner.GetAsync($"{Route}?status=revoked")).EnsureStatus(HttpStatusCode.OK).Array));
    }

    private static List<Guid> Ids(System.Text.Json.Nodes.JsonArray keys) => keys.Select(k => IdOf(k!)).ToList();
}

[Collection(nameof(SqliteCollection))]
public sealed class ApiKeyListPagingTestsOnSqlite(SqliteApiFixture fixture) : ApiKeyListPagingTests(fixture);

[Collection(nameof(PostgresCollection))]
public sealed class ApiKeyListPagingTestsOnPostgres(PostgresApiFixture fixture) : ApiKeyListPagingTests(fixture);
