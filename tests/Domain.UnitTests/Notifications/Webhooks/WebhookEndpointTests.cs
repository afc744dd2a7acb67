using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.Notifications;
using RiskPlatform.Domain.Notifications.Events;
using RiskPlatform.Domain.Notifications.Webhooks;

namespace RiskPlatform.Domain.UnitTests.Notifications.Webhooks;

public sealed class WebhookEndpointTests
{
    private static readonly DateTime Now = new(2026, 3, 2, 12, 0, 0, DateTimeKind.Utc);
    private static readonly Uri Url = new("https://hooks.example.com/risk");

    private static WebhookEndpoint Create(params NotificationType[] types) => WebhookEndpoint.Create(Guid.CreateVersion7(), Url, types, WebhookSecret.New(), Now);

    [Fact]
    public void Receives_WhenNoTypesChosen_ReceivesEveryType() =>
        Assert.All(Enum.GetValues<NotificationType>(), type => Assert.True(Create().Receives(type)));

    [Fact]
    public void Receives_WhenTypesChosen_ReceivesOnlyThose()
    {
        var endpoint = Create(NotificationType.RiskBreach, NotificationType.TradingHalted, NotificationType.RiskBreach);

        Assert.Equal([NotificationType.RiskBreach, NotificationType.TradingHalted], endpoint.NotificationTypes);
        Assert.True(endpoint.Receives(NotificationType.TradingHalted));
        Assert.False(endpoint.Receives(NotificationType.OrderFilled));
    }

    [Fact]
    public void Create_WhenTypeUnknown_Throws()
    {
        var ex = Assert.Throws<DomainException>(() => Create((NotificationType)99));

        Assert.Equal(WebhookEndpoint.Errors.NotificationTypeInvalid, ex.Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Create_WhenTheStoredSecretIsBlank_Throws(string secret)
    {
        var ex = Assert.Throws<DomainException>(() => WebhookEndpoint.Create(Guid.CreateVersion7(), Url, [], secret, Now));

        Assert.Equal(WebhookEndpoint.Errors.SecretInvalid, ex.Code);
    }

    [Fact]
    public void Create_WhenTheStoredSecretIsLongerThanTheColumn_Throws()
    {
        var ex = Assert.Throws<DomainException>(() => WebhookEndpoint.Create(Guid.CreateVersion7(), Url, [], new string('s', WebhookEndpoint.SecretMaxLength + 1), Now));

        Assert.Equal(WebhookEndpoint.Errors.SecretInvalid, ex.Code);
    }

    [Theory]
    [InlineData("secret")]
    [InlineData("whsec_not-base64!")]
    [InlineData("whsec_AAAA")]
    public void EnsureValid_WhenTheSecretIsMalformed_Throws(string secret)
    {
        var ex = Assert.Throws<DomainException>(() => WebhookSecret.EnsureValid(secret));

        Assert.Equal(WebhookEndpoint.Errors.SecretInvalid, ex.Code);
    }

    [Fact]
    public void Create_WithAnIdOfTheCaller_KeepsIt()
    {
        var id = Guid.CreateVersion7();

        Assert.Equal(id, WebhookEndpoint.Create(id, Guid.CreateVersion7(), Url, [], "sealed:v1:AAAA", Now).Id);
    }

    [Fact]
    public void ResealSecrets_ReplacesTheStoredFormsOfTheSecretsThereAre()
    {
        var endpoint = Create();
        endpoint.RotateSecret("sealed-current", Now, TimeSpan.FromHours(1));

        endpoint.ResealSecrets("resealed-current", "resealed-previous");

        Assert.Equal(("resealed-current", "resealed-previous"), (endpoint.Secret, endpoint.PreviousSecret));
        Assert.Throws<DomainException>(() => Create().ResealSecrets("resealed", "a previous secret it never had"));
    }

    [Fact]
    public void New_WhenCalled_IsAWhsecSecretOf24RandomBytes()
    {
        var secret = WebhookSecret.New();

        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        Assert.Equal(24, WebhookSecret.KeyOf(secret).Length);
        Assert.NotEqual(secret, WebhookSecret.New());
    }

    [Fact]
    public void RotateSecret_WhenInsideTheOverlap_BothSecretsSignThenOnlyTheNewOne()
    {
        var endpoint = Create();
        var old = endpoint.Secret;
        var replacement = WebhookSecret.New();

        endpoint.RotateSecret(replacement, Now, TimeSpan.FromHours(24));

        Assert.Equal([replacement, old], endpoint.SigningSecrets(Now.AddHours(23)));
        Assert.Equal([replacement], endpoint.SigningSecrets(Now.AddHours(24)));
        Assert.Equal(Now.AddHours(24), endpoint.PreviousSecretExpiresAt);
    }

    [Fact]
    public void RecordFailure_WhenTheRunReachesTheLimit_DisablesOnceAndRaisesTheEvent()
    {
        var endpoint = Create();

        endpoint.RecordFailure("HTTP 500", Now, disableAfter: 3);
        endpoint.RecordFailure("HTTP 500", Now, disableAfter: 3);
        Assert.True(endpoint.IsActive);
        endpoint.RecordFailure("HTTP 503", Now.AddMinutes(1), disableAfter: 3);
        endpoint.RecordFailure("HTTP 503", Now.AddMinutes(2), disableAfter: 3);

        Assert.False(endpoint.IsActive);
        Assert.False(endpoint.Receives(NotificationType.RiskBreach));
        Assert.Equal((4, Now.AddMinutes(1), "HTTP 503"), (endpoint.ConsecutiveFailures, endpoint.DisabledAt, endpoint.DisabledReason));
        var disabled = Assert.Single(endpoint.DomainEvents.OfType<WebhookEndpointDisabled>());
        Assert.Equal((endpoint.Id, endpoint.UserId, 3), (disabled.EndpointId, disabled.UserId, disabled.ConsecutiveFailures));
    }

    [Fact]
    public void RecordSuccess_WhenFailuresBefore_ResetsTheRun()
    {
        var endpoint = Create();
        endpoint.RecordFailure("HTTP 500", Now, disableAfter: 2);

        endpoint.RecordSuccess(Now.AddMinutes(1));
        endpoint.RecordFailure("HTTP 500", Now.AddMinutes(2), disableAfter: 2);

        Assert.True(endpoint.IsActive);
        Assert.Equal((1, Now.AddMinutes(1)), (endpoint.ConsecutiveFailures, endpoint.LastSuccessAt));
    }
}
