using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.Notifications.Push;

namespace RiskPlatform.Domain.UnitTests.Notifications;

public sealed class PushSubscriptionTests
{
    private const string P256dh = "BHrQQngNe8g6ZAcG6m0b15PtQgWbLg9hZLHELcdQPn1OaqoVx-Alh0_uyLxPe4kCw55J5avEjOef3BEV8_zO9VE";
    private const string Auth = "AAECAwQFBgcICQoLDA0ODw";
    private static readonly DateTime Now = new(2026, 1, 15, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Create_KeepsTheEndpointAndKeysAndHashesTheEndpoint()
    {
        var userId = Guid.CreateVersion7();
        var endpoint = new Uri("https://fcm.googleapis.com/fcm/send/abc:def");

        var subscription = PushSubscription.Create(userId, endpoint, P256dh, Auth, Now);

        Assert.Equal((userId, endpoint.AbsoluteUri, P256dh, Auth), (subscription.UserId, subscription.Endpoint, subscription.P256dh, subscription.Auth));
        Assert.Equal(64, subscription.EndpointHash.Length);
        Assert.Equal(PushSubscription.HashOf(endpoint), subscription.EndpointHash);
        Assert.NotEqual(PushSubscription.HashOf(new Uri("https://fcm.googleapis.com/fcm/send/abc:deg")), subscription.EndpointHash);
    }

    [Fact]
    public void Create_AcceptsPaddedAndStandardBase64_StoresBase64Url()
    {
        var standard = Convert.ToBase64String(PushSubscription.FromBase64Url(P256dh)!);

        var subscription = PushSubscription.Create(Guid.CreateVersion7(), new Uri("https://push.example.com/x"), standard, Auth + "==", Now);

        Assert.Equal((P256dh, Auth), (subscription.P256dh, subscription.Auth));
    }

    [Theory]
    [InlineData(null, Auth, PushSubscription.Errors.P256dhInvalid)]
    [InlineData("not base64 !", Auth, PushSubscription.Errors.P256dhInvalid)]
    [InlineData("AAECAwQFBgcICQoLDA0ODw", Auth, PushSubscription.Errors.P256dhInvalid)]
    [InlineData("AHrQQngNe8g6ZAcG6m0b15PtQgWbLg9hZLHELcdQPn1OaqoVx-Alh0_uyLxPe4kCw55J5avEjOef3BEV8_zO9VE", Auth, PushSubscription.Errors.P256dhInvalid)]
    [InlineData(P256dh, "", PushSubscription.Errors.AuthInvalid)]
    [InlineData(P256dh, "AAECAwQFBgcICQoLDA0O", PushSubscription.Errors.AuthInvalid)]
    public void Create_WithMalformedKeys_Refuses(string? p256dh, string? auth, string code)
    {
        var refused = Assert.Throws<DomainException>(() => PushSubscription.Create(Guid.CreateVersion7(), new Uri("https://push.example.com/x"), p256dh, auth, Now));

        Assert.Equal(code, refused.Code);
    }

    [Fact]
    public void Create_WithAnOverlongEndpoint_Refuses()
    {
        var endpoint = new Uri("https://push.example.com/" + new string('a', PushSubscription.EndpointMaxLength));

        Assert.Equal(PushSubscription.Errors.EndpointTooLong, Assert.Throws<DomainException>(() => PushSubscription.Create(Guid.CreateVersion7(), endpoint, P256dh, Auth, Now)).Code);
    }

    [Fact]
    public void ReplaceKeys_SwapsBothKeys()
    {
        var subscription = PushSubscription.Create(Guid.CreateVersion7(), new Uri("https://push.example.com/x"), P256dh, Auth, Now);
        const string other = "BLoPQSv-s9ldB4idvjVrMgJhvU8Km3spjopUiXlkvpZ5ovnoj94DTFeK0xZlurguDANRbwElXkeDT97RLne8ANA";

        subscription.ReplaceKeys(other, "ZmZmZmZmZmZmZmZmZmZmZg");

        Assert.Equal((other, "ZmZmZmZmZmZmZmZmZmZmZg"), (subscription.P256dh, subscription.Auth));
    }
}
