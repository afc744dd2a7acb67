using System.Net;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Api.FunctionalTests.Notifications;

public abstract class NotificationPreferenceTests(ApiFixture fixture) : FunctionalTest(fixture)
{
    private const string Root = "/api/v1/notifications/preferences";

    [Fact]
    public async Task Create_WithOnlyTypeAndChannel_Returns201WithTheContractDefaults()
    {
        var client = await SignedInAsync();

        var response = (await client.PostAsync(Root, new { notification_type = "risk_breach", channel = "email" })).EnsureStatus(HttpStatusCode.Created);

        var body = response.Body!;
        var id = body["id"]!.GetValue<Guid>();
        Assert.Equal($"{Root}/{id}", response.Headers.Location!.ToString());
        Assert.Equal(client.UserId, body["user_id"]!.GetValue<Guid>());
        Assert.Equal("risk_breach", body["notification_type"]!.GetValue<string>());
        Assert.Equal("email", body["channel"]!.GetValue<string>());
        Assert.True(body["is_enabled"]!.GetValue<bool>());
        Assert.Equal("low", body["min_priority"]!.GetValue<string>());
        Assert.False(body["quiet_hours_enabled"]!.GetValue<bool>());
        Assert.Null(body["quiet_start_hour"]);
        Assert.Null(body["quiet_end_hour"]);
        Assert.Equal("UTC", body["time_zone"]!.GetValue<string>());
        Assert.Null(body["email"]);
        Assert.Null(body["phone"]);
        Assert.Null(body["webhook_url"]);
        Assert.EndsWith("Z", body["created_at"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.EndsWith("Z", body["updated_at"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal([id], (await client.GetAsync(Root)).EnsureStatus(HttpStatusCode.OK).Array.Select(p => p!["id"]!.GetValue<Guid>()));
    }

    [Fact]
    public async Task Create_WithEveryField_StoresThem()
    {
        var client = await SignedInAsync();

        var body = (await client.PostAsync(Root, new
        {
            notification_type = "daily_summary",
            channel = "webhook",
            is_enabled = false,
            min_priority = "high",
            quiet_hours_enabled = true,
            quiet_start_hour = 22,
            quiet_end_hour = 7,
            time_zone = "Europe/London",
            email = "alerts@example.com",
            phone = "+44 20 7946 0958",
            webhook_url = "https://hooks.example.com/rp",
        })).EnsureStatus(HttpStatusCode.Created).Body!;

        Assert.False(body["is_enabled"]!.GetValue<bool>());
        Assert.Equal("high", body["min_priority"]!.GetValue<string>());
        Assert.True(body["quiet_hours_enabled"]!.GetValue<bool>());
        Assert.Equal(22, body["quiet_start_hour"]!.GetValue<int>());
        Assert.Equal(7, body["quiet_end_hour"]!.GetValue<int>());
        Assert.Equal("Europe/London", body["time_zone"]!.GetValue<string>());
        Assert.Equal("alerts@example.com", body["email"]!.GetValue<string>());
        Assert.Equal("+44 20 7946 0958", body["phone"]!.GetValue<string>());
        Assert.Equal("https://hooks.example.com/rp", body["webhook_url"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_ASecondForTheSameTypeAndChannel_Returns409AndKeepsOne()
    {
        var client = await SignedInAsync();
        var other = await SignedInAsync();
        (await client.PostAsync(Root, new { notification_type = "order_filled", channel = "in_app" })).EnsureStatus(HttpStatusCode.Created);

        (await client.PostAsync(Root, new { notification_type = "order_filled", channel = "in_app", is_enabled = false })).EnsureProblem(HttpStatusCode.Conflict);

        (await client.PostAsync(Root, new { notification_type = "order_filled", channel = "email" })).EnsureStatus(HttpStatusCode.Created);
        (await other.PostAsync(Root, new { notification_type = "order_filled", channel = "in_app" })).EnsureStatus(HttpStatusCode.Created);
        Assert.Equal(3, await Fixture.CountAsync("SELECT COUNT(*) FROM notification_preferences"));
    }

    [Fact]
    public async Task Update_MergesTheGivenFieldsWithTheCurrentValues()
    {
        var client = await SignedInAsync();
        var created = (await client.PostAsync(Root, new
        {
            notification_type = "order_filled",
            channel = "email",
            min_priority = "medium",
            email = "old@example.com",
            phone = "+1 212 555 0100",
        })).Body!;
        var id = created["id"]!.GetValue<Guid>();

        var updated = (await client.PutAsync($"{Root}/{id}", new { quiet_hours_enabled = true, quiet_start_hour = 23, quiet_end_hour = 6, time_zone = "Asia/Tokyo", phone = "" }))
            .EnsureStatus(HttpStatusCode.OK).Body!;
        var disabled = (await client.PutAsync($"{Root}/{id}", new { is_enabled = false })).EnsureStatus(HttpStatusCode.OK).Body!;

        Assert.Equal("order_filled", updated["notification_type"]!.GetValue<string>());
        Assert.Equal("email", updated["channel"]!.GetValue<string>());
        Assert.True(updated["is_enabled"]!.GetValue<bool>());
        Assert.Equal("medium", updated["min_priority"]!.GetValue<string>());
        Assert.Equal("old@example.com", updated["email"]!.GetValue<string>());
        Assert.Null(updated["phone"]);
        Assert.True(updated["quiet_hours_enabled"]!.GetValue<bool>());
        Assert.Equal(23, updated["quiet_start_hour"]!.GetValue<int>());
        Assert.Equal("Asia/Tokyo", updated["time_zone"]!.GetValue<string>());
        Assert.False(disabled["is_enabled"]!.GetValue<bool>());
        Assert.Equal(6, disabled["quiet_end_hour"]!.GetValue<int>());
        Assert.Equal("Asia/Tokyo", disabled["time_zone"]!.GetValue<string>());
        var listed = (await client.GetAsync(Root)).Array.Single()!;
        Assert.False(listed["is_enabled"]!.GetValue<bool>());
        Assert.Equal("old@example.com", listed["email"]!.GetValue<string>());
    }

    [Fact]
    public async Task Delete_Returns204AndTheRowIsGone()
    {
        var client = await SignedInAsync();
        var id = (await client.PostAsync(Root, new { notification_type = "order_filled", channel = "sms" })).Body!["id"]!.GetValue<Guid>();

        (await client.DeleteAsync($"{Root}/{id}")).EnsureStatus(HttpStatusCode.NoContent);

        Assert.Empty((await client.GetAsync(Root)).Array);
        (await client.DeleteAsync($"{Root}/{id}")).EnsureProblem(HttpStatusCode.NotFound);
        (await client.PutAsync($"{Root}/{id}", new { is_enabled = false })).EnsureProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnotherUsersPreference_Is404AndUnchanged()
    {
        var client = await SignedInAsync();
        var other = await SignedInAsync();
        var theirs = (await other.PostAsync(Root, new { notification_type = "order_filled", channel = "email" })).Body!["id"]!.GetValue<Guid>();

        (await client.PutAsync($"{Root}/{theirs}", new { is_enabled = false })).EnsureProblem(HttpStatusCode.NotFound);
        (await client.DeleteAsync($"{Root}/{theirs}")).EnsureProblem(HttpStatusCode.NotFound);

        Assert.Empty((await client.GetAsync(Root)).Array);
        Assert.True((await other.GetAsync(Root)).Array.Single()!["is_enabled"]!.GetValue<bool>());
    }

    [Fact]
    public async Task SetDefaults_CreatesEveryMissingTypeAndChannelOnceAndThenNothing()
    {
        var client = await SignedInAsync();
        (await client.PostAsync(Root, new { notification_type = "risk_breach", channel = "email", is_enabled = false })).EnsureStatus(HttpStatusCode.Created);
        var all = NotificationDefaults.All.Count;

        var first = (await client.PostAsync($"{Root}/set-defaults")).EnsureStatus(HttpStatusCode.OK).Body!;
        var second = (await client.PostAsync($"{Root}/set-defaults")).EnsureStatus(HttpStatusCode.OK).Body!;

        Assert.Equal(all - 1, first["count"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(first["message"]!.GetValue<string>()));
        Assert.Equal(0, second["count"]!.GetValue<int>());
        var rows = (await client.GetAsync(Root)).Array;
        Assert.Equal(all, rows.Count);
        Assert.False(rows.Single(r => Key(r) == ("risk_breach", "email"))!["is_enabled"]!.GetValue<bool>());
        var summaryEmail = rows.Single(r => Key(r) == ("daily_summary", "email"))!;
        Assert.True(summaryEmail["is_enabled"]!.GetValue<bool>());
        Assert.Equal("low", summaryEmail["min_priority"]!.GetValue<string>());
        Assert.Equal("high", rows.Single(r => Key(r) == ("order_filled", "email"))!["min_priority"]!.GetValue<string>());
        Assert.False(rows.Single(r => Key(r) == ("order_filled", "sms"))!["is_enabled"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("""{"notification_type":"order_exploded","channel":"email"}""", "notification_type")]
    [InlineData("""{"notification_type":"order_filled","channel":"pigeon"}""", "channel")]
    [InlineData("""{"notification_type":"order_filled","channel":"email","min_priority":"extreme"}""", "min_priority")]
    [InlineData("""{"channel":"email"}""", "notification_type")]
    [InlineData("""{"notification_type":"order_filled"}""", "channel")]
    [InlineData("""{"notification_type":"order_filled","channel":"email","quiet_start_hour":24,"quiet_end_hour":7}""", "quiet_start_hour")]
    [InlineData("""{"notification_type":"order_filled","channel":"email","quiet_start_hour":22,"quiet_end_hour":-1}""", "quiet_end_hour")]
    [InlineData("""{"notification_type":"order_filled","channel":"email","quiet_hours_enabled":true,"quiet_end_hour":7}""", "quiet_start_hour")]
    [InlineData("""{"notification_type":"order_filled","channel":"email","time_zone":"Mars/Olympus_Mons"}""", "time_zone")]
    [InlineData("""{"notification_type":"order_filled","channel":"email","time_zone":"Eastern Standard Time"}""", "time_zone")]
    [InlineData("""{"notification_type":"order_filled","channel":"email","email":"not-an-address"}""", "email")]
    [InlineData("""{"notification_type":"order_filled","channel":"email","phone":"call me"}""", "phone")]
    [InlineData("""{"notification_type":"order_filled","channel":"sms","phone":"020 7946 0958"}""", "phone")]
    [InlineData("""{"notification_type":"order_filled","channel":"webhook","webhook_url":"ftp://example.com/x"}""", "webhook_url")]
    [InlineData("""{"notification_type":"order_filled","channel":"email","quiet_start_hour":"ten"}""", "quiet_start_hour")]
    public async Task Create_WithBadInput_Returns400NamingTheField(string body, string field)
    {
        var client = await SignedInAsync();

        (await client.PostRawAsync(Root, body)).EnsureValidationError(field);
        Assert.Equal(0, await Fixture.CountAsync("SELECT COUNT(*) FROM notification_preferences"));
    }

    [Theory]
    [InlineData("""{"quiet_start_hour":24}""", "quiet_start_hour")]
    [InlineData("""{"quiet_end_hour":-3}""", "quiet_end_hour")]
    [InlineData("""{"time_zone":"Nowhere/Special"}""", "time_zone")]
    [InlineData("""{"time_zone":"Tokyo Standard Time"}""", "time_zone")]
    [InlineData("""{"min_priority":"critical"}""", "min_priority")]
    [InlineData("""{"email":"a@b@c"}""", "email")]
    public async Task Update_WithBadInput_Returns400NamingTheField(string body, string field)
    {
        var client = await SignedInAsync();
        var id = (await client.PostAsync(Root, new { notification_type = "order_filled", channel = "email" })).Body!["id"]!.GetValue<Guid>();

        var request = new HttpRequestMessage(HttpMethod.Put, $"{Root}/{id}") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        (await client.SendAsync(request)).EnsureValidationError(field);
    }

    [Fact]
    public async Task Update_EnablingQuietHoursWithoutHours_IsRefusedNamingTheField()
    {
        var client = await SignedInAsync();
        var id = (await client.PostAsync(Root, new { notification_type = "order_filled", channel = "email" })).Body!["id"]!.GetValue<Guid>();

        var response = await client.PutAsync($"{Root}/{id}", new { quiet_hours_enabled = true });

        response.EnsureValidationError("quiet_start_hour");
        Assert.False((await client.GetAsync(Root)).Array.Single()!["quiet_hours_enabled"]!.GetValue<bool>());
    }

    private static (string, string) Key(System.Text.Json.Nodes.JsonNode? row) =>
        (row!["notification_type"]!.GetValue<string>(), row["channel"]!.GetValue<string>());
}

[Collection(nameof(SqliteCollection))]
public sealed class NotificationPreferenceTestsOnSqlite(SqliteApiFixture fixture) : NotificationPreferenceTests(fixture);

[Collection(nameof(PostgresCollection))]
public sealed class NotificationPreferenceTestsOnPostgres(PostgresApiFixture fixture) : NotificationPreferenceTests(fixture);
