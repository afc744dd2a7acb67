using System.Text.Json;
using Ardalis.Specification;
using Mapster;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using RiskPlatform.Application.Common.Actors;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Common.Transactions;
using RiskPlatform.Application.Notifications.Common;
using RiskPlatform.Application.Notifications.Dispatch;
using RiskPlatform.Application.Notifications.EventHandlers;
using RiskPlatform.Application.Notifications.Specifications;
using RiskPlatform.Domain.Notifications;
using RiskPlatform.Domain.Notifications.Contacts;
using RiskPlatform.Domain.Notifications.Delivery;
using RiskPlatform.Domain.Notifications.Push;
using RiskPlatform.Domain.Notifications.Webhooks;
using RiskPlatform.Domain.Trading.Paper.Events;
using RiskPlatform.Domain.Trading;
using RiskPlatform.Domain.Users;

namespace RiskPlatform.Application.UnitTests.Notifications;

public sealed class NotificationDispatcherTests
{
    private static readonly TypeAdapterConfig Mapping = DependencyInjection.CreateMappingConfig();
    private static readonly JsonSerializerOptions SnakeCase = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
    private readonly Guid _userId = Guid.CreateVersion7();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 15, 0, 0, TimeSpan.Zero));
    private readonly List<Notification> _added = [];
    private readonly List<NotificationDelivery> _deliveries = [];
    private readonly List<NotificationPreference> _preferences = [];
    private readonly IRepository<Notification> _notifications = Substitute.For<IRepository<Notification>>();
    private readonly IRepository<NotificationDelivery> _deliveryRepository = Substitute.For<IRepository<NotificationDelivery>>();
    private readonly IReadRepository<NotificationPreference> _preferenceRepository = Substitute.For<IReadRepository<NotificationPreference>>();
    private readonly IReadRepository<User> _users = Substitute.For<IReadRepository<User>>();
    private readonly IEmailAvailability _email = Substitute.For<IEmailAvailability>();
    private readonly ISmsAvailability _sms = Substitute.For<ISmsAvailability>();
    private readonly List<WebhookEndpoint> _endpoints = [];
    private readonly IReadRepository<WebhookEndpoint> _endpointRepository = Substitute.For<IReadRepository<WebhookEndpoint>>();
    private readonly List<PushSubscription> _browsers = [];
    private readonly IReadRepository<PushSubscription> _browserRepository = Substitute.For<IReadRepository<PushSubscription>>();
    private readonly ContactOptions _contactOptions = new();
    private readonly List<ContactPoint> _contacts = [];
    private readonly IReadRepository<ContactPoint> _contactRepository = Substitute.For<IReadRepository<ContactPoint>>();
    private readonly INotificationPusher _pusher = Substitute.For<INotificationPusher>();
    private readonly AfterCommitActions _afterCommit = new(NullLogger<AfterCommitActions>.Instance);
    private readonly IDeliveryOutboxSignal _outboxSignal = Substitute.For<IDeliveryOutboxSignal>();

    public NotificationDispatcherTests()
    {
        _notifications.When(r => r.Add(Arg.Any<Notification>())).Do(c => _added.Add(c.Arg<Notification>()));
        _deliveryRepository.When(r => r.Add(Arg.Any<NotificationDelivery>())).Do(c => _deliveries.Add(c.Arg<NotificationDelivery>()));
        _preferenceRepository.ListAsync(Arg.Any<ISpecification<NotificationPreference>>(), Arg.Any<CancellationToken>())
            .Returns(_ => _preferences.ToList());
        _users.FirstOrDefaultAsync(Arg.Any<ISpecification<User, AccountEmail>>(), Arg.Any<CancellationToken>()).Returns(new AccountEmail("owner@example.com", IsVerified: false));
        _email.IsConfigured.Returns(true);
        _endpointRepository.ListAsync(Arg.Any<ISpecification<WebhookEndpoint>>(), Arg.Any<CancellationToken>()).Returns(_ => _endpoints.ToList());
        _browserRepository.ListAsync(Arg.Any<ISpecification<PushSubscription>>(), Arg.Any<CancellationToken>()).Returns(_ => _browsers.ToList());
        _contactRepository.ListAsync(Arg.Any<ISpecification<ContactPoint>>(), Arg.Any<CancellationToken>()).Returns(_ => _contacts.ToList());
        Verify(NotificationChannel.Email, "Owner@Example.com");
    }

    [Fact]
    public async Task CreateAsync_ToAnAddressNotVerified_AddsASuppressedRowSayingSo_AndSendsNothing()
    {
        _contacts.Clear();
        _preferences.Add(NotificationPreference.Create(_userId, NotificationType.SystemAlert, NotificationChannel.Sms, NotificationPreferenceSettings.Default with { Phone = "+44 20 7946 0958" }));
        _sms.IsConfigured.Returns(true);
        Verify(NotificationChannel.Sms, "+442079460999"); // another number

        await Dispatcher().CreateAsync(Draft(NotificationPriority.High), CancellationToken.None);

        var email = _deliveries.Single(d => d.Channel == NotificationChannel.Email);
        var sms = _deliveries.Single(d => d.Channel == NotificationChannel.Sms);
        Assert.Equal((DeliveryStatus.Suppressed, DeliveryReasons.UnverifiedContact, "owner@example.com"), (email.Status, email.StatusReason, email.Recipient));
        Assert.Equal((DeliveryStatus.Suppressed, DeliveryReasons.UnverifiedContact, "+442079460958"), (sms.Status, sms.StatusReason, sms.Recipient));
    }

    [Fact]
    public async Task CreateAsync_WhenVerificationIsNotRequired_SendsToTheAddressAsBefore()
    {
        _contacts.Clear();
        _contactOptions.RequireVerification = false;

        await Dispatcher().CreateAsync(Draft(NotificationPriority.High), CancellationToken.None);

        Assert.Equal(DeliveryStatus.Pending, _deliveries.Single(d => d.Channel == NotificationChannel.Email).Status);
    }

    private void Verify(NotificationChannel channel, string address)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        var contact = ContactPoint.Create(_userId, channel, address, now);
        contact.IssueCode("123456", now);
        contact.Confirm("123456", now);
        _contacts.Add(contact);
    }

    [Fact]
    public async Task CreateAsync_WithSubscribedBrowsers_AddsOnePushRowPerBrowser_OnlyFromTheDefaultMinPriorityUp()
    {
        _browsers.Add(Browser("https://push.example.com/a"));
        _browsers.Add(Browser("https://push.example.com/b"));

        await Dispatcher().CreateAsync(Draft(NotificationPriority.Medium), CancellationToken.None);
        Assert.DoesNotContain(_deliveries, d => d.Channel == NotificationChannel.Push);

        await Dispatcher().CreateAsync(Draft(NotificationPriority.High), CancellationToken.None);
        var push = _deliveries.Where(d => d.Channel == NotificationChannel.Push).ToList();
        Assert.Equal(_browsers.Select(b => (Guid?)b.Id), push.Select(d => d.PushSubscriptionId));
        Assert.All(push, d => Assert.Equal(DeliveryStatus.Pending, d.Status));
        Assert.All(push, d => Assert.Null(d.Recipient));
    }

    [Fact]
    public async Task CreateAsync_TwiceInOneScope_ReadsTheRecipientsRoutingOnce()
    {
        var dispatcher = Dispatcher();

        await dispatcher.CreateAsync(Draft(NotificationPriority.Medium), CancellationToken.None);
        await dispatcher.CreateAsync(new NewNotification(_userId, NotificationType.OrderFilled, NotificationPriority.Low, "Filled", "Filled"), CancellationToken.None);

        await _preferenceRepository.Received(1).ListAsync(Arg.Any<ISpecification<NotificationPreference>>(), Arg.Any<CancellationToken>());
        await _endpointRepository.Received(1).ListAsync(Arg.Any<ISpecification<WebhookEndpoint>>(), Arg.Any<CancellationToken>());
        await _browserRepository.Received(1).ListAsync(Arg.Any<ISpecification<PushSubscription>>(), Arg.Any<CancellationToken>());
        Assert.Equal(2, _added.Count);
    }

    [Fact]
    public async Task CreateAsync_AppliesOnlyThePreferencesOfTheNotificationsType()
    {
        _preferences.Add(NotificationPreference.Create(
            _userId, NotificationType.OrderFilled, NotificationChannel.Websocket, NotificationPreferenceSettings.Default with { IsEnabled = false }));

        await Dispatcher().CreateAsync(Draft(NotificationPriority.Medium), CancellationToken.None);

        Assert.Contains(_deliveries, d => d.Channel == NotificationChannel.Websocket);
    }

    [Fact]
    public async Task CreateAsync_WithoutASubscribedBrowser_AddsNoPushRow()
    {
        await Dispatcher().CreateAsync(Draft(NotificationPriority.Urgent), CancellationToken.None);

        Assert.DoesNotContain(_deliveries, d => d.Channel == NotificationChannel.Push);
    }

    private PushSubscription Browser(string endpoint) =>
        PushSubscription.Create(_userId, new Uri(endpoint), "BHrQQngNe8g6ZAcG6m0b15PtQgWbLg9hZLHELcdQPn1OaqoVx-Alh0_uyLxPe4kCw55J5avEjOef3BEV8_zO9VE", "AAECAwQFBgcICQoLDA0ODw", _time.GetUtcNow().UtcDateTime);

    [Fact]
    public async Task CreateAsync_WithWebhookEndpoints_AddsOneRowPerEndpointThatReceivesTheType()
    {
        var all = Endpoint([]);
        var alerts = Endpoint([NotificationType.SystemAlert, NotificationType.RiskBreach]);
        _endpoints.AddRange([all, alerts, Endpoint([NotificationType.OrderFilled])]);

        await Dispatcher().CreateAsync(Draft(NotificationPriority.Low), CancellationToken.None);

        var webhooks = _deliveries.Where(d => d.Channel == NotificationChannel.Webhook).ToList();
        Assert.Equal([all.Id, alerts.Id], webhooks.Select(d => d.WebhookEndpointId!.Value));
        Assert.All(webhooks, d => Assert.Equal(DeliveryStatus.Pending, d.Status));
    }

    [Fact]
    public async Task CreateAsync_WithSmsConfiguredAndAPhone_AddsAPendingSmsRowToTheE164Number()
    {
        _sms.IsConfigured.Returns(true);
        _preferences.Add(NotificationPreference.Create(
            _userId, NotificationType.SystemAlert, NotificationChannel.Sms, NotificationPreferenceSettings.Default with { Phone = "+44 20 7946 0958" }));
        Verify(NotificationChannel.Sms, "+442079460958");

        await Dispatcher().CreateAsync(Draft(NotificationPriority.High), CancellationToken.None);

        var sms = _deliveries.Single(d => d.Channel == NotificationChannel.Sms);
        Assert.Equal((DeliveryStatus.Pending, "+442079460958"), (sms.Status, sms.Recipient));
    }

    private WebhookEndpoint Endpoint(NotificationType[] types) =>
        WebhookEndpoint.Create(_userId, new Uri("https://hooks.example.com/risk"), types, WebhookSecret.New(), _time.GetUtcNow().UtcDateTime);

    [Fact]
    public async Task CreateAsync_WithDefaults_AddsTheNotificationAndOneDeliveryRowPerChannelWithWork()
    {
        var dispatched = await Dispatcher().CreateAsync(Draft(NotificationPriority.High), CancellationToken.None);

        var notification = Assert.Single(_added);
        Assert.Same(notification, dispatched.Notification);
        Assert.Equal(_time.GetUtcNow().UtcDateTime, notification.CreatedAt);
        Assert.Equal([NotificationChannel.InApp], notification.SentVia);
        Assert.Equal([NotificationChannel.InApp, NotificationChannel.Email, NotificationChannel.Websocket], _deliveries.Select(d => d.Channel));
        Assert.All(_deliveries, d => Assert.Equal(notification.Id, d.NotificationId));
        var email = _deliveries.Single(d => d.Channel == NotificationChannel.Email);
        Assert.Equal(DeliveryStatus.Pending, email.Status);
        Assert.Equal("owner@example.com", email.Recipient);
        Assert.Equal(DeliveryStatus.Pending, _deliveries.Single(d => d.Channel == NotificationChannel.Websocket).Status);
    }

    [Fact]
    public async Task CreateAsync_PushesNothingUntilTheCommitThenTheNotificationAndTheCount()
    {
        await Dispatcher().CreateAsync(Draft(NotificationPriority.Medium), CancellationToken.None);

        Assert.Empty(_pusher.ReceivedCalls());

        await _afterCommit.RunAsync(CancellationToken.None);

        await _pusher.Received(1).PushNotificationAsync(_userId, Arg.Is<NotificationDto>(n => n.Id == _added[0].Id && n.Title == "Title"), Arg.Any<CancellationToken>());
        await _pusher.Received(1).UnreadCountChangedAsync(_userId, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task CreateAsync_WakesTheOutboxOfEachChannelWithRowsDueNow_OnlyAfterTheCommit()
    {
        _endpoints.AddRange([Endpoint([]), Endpoint([])]);

        await Dispatcher().CreateAsync(Draft(NotificationPriority.High), CancellationToken.None);

        Assert.Empty(_outboxSignal.ReceivedCalls());

        await _afterCommit.RunAsync(CancellationToken.None);

        _outboxSignal.Received(1).DeliveriesDue(NotificationChannel.Email);
        _outboxSignal.Received(1).DeliveriesDue(NotificationChannel.Webhook);
        _outboxSignal.DidNotReceive().DeliveriesDue(NotificationChannel.InApp);
    }

    [Fact]
    public async Task CreateAsync_WhenTheWebsocketChannelIsOff_PushesOnlyTheUnreadCount()
    {
        _preferences.Add(NotificationPreference.Create(_userId, NotificationType.SystemAlert, NotificationChannel.Websocket, NotificationPreferenceSettings.Default with { IsEnabled = false }));

        await Dispatcher().CreateAsync(Draft(NotificationPriority.Medium), CancellationToken.None);
        await _afterCommit.RunAsync(CancellationToken.None);

        Assert.DoesNotContain(_deliveries, d => d.Channel == NotificationChannel.Websocket);
        await _pusher.DidNotReceiveWithAnyArgs().PushNotificationAsync(default, default!, Arg.Any<CancellationToken>());
        await _pusher.Received(1).UnreadCountChangedAsync(_userId, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task CreateAsync_WhenEmailIsNotConfigured_WritesNoEmailRowWithoutReadingTheAccount()
    {
        _email.IsConfigured.Returns(false);

        var dispatched = await Dispatcher().CreateAsync(Draft(NotificationPriority.Urgent), CancellationToken.None);

        Assert.DoesNotContain(_deliveries, d => d.Channel == NotificationChannel.Email);
        Assert.Equal(dispatched.Deliveries, _deliveries);
        await _users.DidNotReceiveWithAnyArgs().FirstOrDefaultAsync(Arg.Any<ISpecification<User, AccountEmail>>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task CreateAsync_WhenThePusherFails_TheFailureIsSwallowed()
    {
        _pusher.PushNotificationAsync(default, default!, Arg.Any<CancellationToken>()).ReturnsForAnyArgs(Task.FromException(new InvalidOperationException("hub down")));

        await Dispatcher().CreateAsync(Draft(NotificationPriority.Medium), CancellationToken.None);
        await _afterCommit.RunAsync(CancellationToken.None);

        await _pusher.Received(1).UnreadCountChangedAsync(_userId, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task NotifyOnOrderFilled_CreatesAnOrderFilledNotificationWithTheFillInItsData()
    {
        var orderId = Guid.CreateVersion7();

        await new NotifyOnOrderFilled(Dispatcher()).Handle(
            new OrderFilled(_userId, orderId, "AAPL", OrderSide.Sell, 12.5m, 101.25m, _time.GetUtcNow().UtcDateTime),
            CancellationToken.None);

        var notification = Assert.Single(_added);
        Assert.Equal(NotificationType.OrderFilled, notification.Type);
        Assert.Equal(NotificationPriority.Medium, notification.Priority);
        Assert.Equal(_userId, notification.UserId);
        Assert.Equal(orderId, notification.OrderId);
        Assert.Equal("SELL 12.5 AAPL filled at 101.25", notification.Title);
        using var data = JsonDocument.Parse(notification.DataJson);
        Assert.Equal("AAPL", data.RootElement.GetProperty("symbol").GetString());
        Assert.Equal("sell", data.RootElement.GetProperty("side").GetString());
        Assert.Equal(12.5m, data.RootElement.GetProperty("quantity").GetDecimal());
        Assert.Equal(101.25m, data.RootElement.GetProperty("price").GetDecimal());
    }

    [Fact]
    public void NotificationDto_MapsTheStoredDataAsAJsonObject()
    {
        var notification = Notification.Create(Draft(NotificationPriority.Low) with { DataJson = """{"a":1}""" }, _time.GetUtcNow().UtcDateTime);

        var dto = notification.Adapt<NotificationDto>(Mapping);

        Assert.Equal(JsonValueKind.Object, dto.Data.ValueKind);
        Assert.Equal(1, dto.Data.GetProperty("a").GetInt32());
        var json = JsonSerializer.Serialize(dto, SnakeCase);
        Assert.Contains("\"data\":{\"a\":1}", json, StringComparison.Ordinal);
        Assert.DoesNotContain("data_json", json, StringComparison.Ordinal);
    }

    [Fact]
    public void MappingConfiguration_Compiles()
    {
        var config = DependencyInjection.CreateMappingConfig();
        config.RequireDestinationMemberSource = true;

        config.Compile();
    }

    private NewNotification Draft(NotificationPriority priority) =>
        new(_userId, NotificationType.SystemAlert, priority, "Title", "Message");

    private NotificationDispatcher Dispatcher() => new(
        _notifications,
        _deliveryRepository,
        _preferenceRepository,
        _users,
        _endpointRepository,
        _browserRepository,
        _contactRepository,
        Options.Create(_contactOptions),
        _email,
        _sms,
        new DeliveryCapCheck(Substitute.For<IReadRepository<NotificationDelivery>>(), Options.Create(new NotificationLimitsOptions())),
        new NotificationPushQueue(_afterCommit, _pusher, Mapping, NullLogger<NotificationPushQueue>.Instance),
        _afterCommit,
        _outboxSignal,
        new AccountActorCall(),
        Substitute.For<IRealtimePresence>(),
        _time);
}
