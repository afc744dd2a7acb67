using System.Text.Json;
using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.Notifications.Events;

namespace RiskPlatform.Domain.Notifications;

/// <summary>
/// A message for one user: the in-app row, always stored whatever the preferences. Each channel attempt is a separate
/// <see cref="NotificationDelivery"/>; <see cref="SentVia"/> lists the channels that actually delivered it.
/// </summary>
public sealed class Notification : AggregateRoot
{
    public const int TitleMaxLength = 255;
    public const int MessageMaxLength = 5000;
    public const int DataJsonMaxLength = 16_000;
    public const string EmptyDataJson = "{}";

    private readonly List<NotificationChannel> _sentVia = [];

    private Notification()
    {
    }

    public Guid UserId { get; private set; }

    public NotificationType Type { get; private set; }

    public NotificationPriority Priority { get; private set; }

    public string Title { get; private set; } = string.Empty;

    public string Message { get; private set; } = string.Empty;

    /// <summary>The wire field <c>data</c>: always a JSON object, <c>{}</c> when there is none.</summary>
    public string DataJson { get; private set; } = EmptyDataJson;

    public Guid? StrategyId { get; private set; }

    public Guid? OrderId { get; private set; }

    public Guid? TradeId { get; private set; }

    public bool IsRead { get; private set; }

    public DateTime? ReadAt { get; private set; }

    /// <summary>Channels that delivered the notification, in the order they did (no duplicates).</summary>
    public IReadOnlyList<NotificationChannel> SentVia => _sentVia.AsReadOnly();

    /// <summary>When the first channel delivered it.</summary>
    public DateTime? DeliveredAt { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? ExpiresAt { get; private set; }

    public static Notification Create(NewNotification draft, DateTime now)
    {
        if (!Enum.IsDefined(draft.Type))
        {
            throw new DomainException(Errors.TypeInvalid, "type is not a known notification type.");
        }

        if (!Enum.IsDefined(draft.Priority))
        {
            throw new DomainException(Errors.PriorityInvalid, "priority must be low, medium, high or urgent.");
        }

        var title = draft.Title?.Trim() ?? string.Empty;
        if (title.Length == 0)
        {
            throw new DomainException(Errors.TitleRequired, "title is required.");
        }

        if (title.Length > TitleMaxLength)
        {
            throw new DomainException(Errors.TitleTooLong, $"title must be at most {TitleMaxLength} characters.");
        }

        var message = draft.Message?.Trim() ?? string.Empty;
        if (message.Length == 0)
        {
            throw new DomainException(Errors.MessageRequired, "message is required.");
        }

        if (message.Length > MessageMaxLength)
        {
            throw new DomainException(Errors.MessageTooLong, $"message must be at most {MessageMaxLength} characters.");
        }

        if (draft.ExpiresAt is { } expiresAt && expiresAt <= now)
        {
            throw new DomainException(Errors.ExpiresAtNotInFuture, "expires_at must be later than created_at.");
        }

        var notification = new Notification
        {
            UserId = draft.UserId,
            Type = draft.Type,
            Priority = draft.Priority,
            Title = title,
            Message = message,
            DataJson = NormalizeData(draft.DataJson),
            StrategyId = draft.StrategyId,
            OrderId = draft.OrderId,
            TradeId = draft.TradeId,
            CreatedAt = now,
            ExpiresAt = draft.ExpiresAt,
        };
        notification.Raise(new NotificationCreated(notification.Id, notification.UserId, notification.Type, notification.Priority, now));
        return notification;
    }

    /// <summary>Idempotent: a second call keeps the first <see cref="ReadAt"/>.</summary>
    public void MarkRead(DateTime now)
    {
        if (IsRead)
        {
            return;
        }

        IsRead = true;
        ReadAt = now;
    }

    /// <summary>Adds the channel to <see cref="SentVia"/> (once) and sets <see cref="DeliveredAt"/> on the first delivery.</summary>
    public void RecordDelivered(NotificationChannel channel, DateTime now)
    {
        if (!_sentVia.Contains(channel))
        {
            _sentVia.Add(channel);
        }

        DeliveredAt ??= now;
    }

    public bool IsExpired(DateTime now) => ExpiresAt is { } expiresAt && expiresAt <= now;

    private static string NormalizeData(string? dataJson)
    {
        if (string.IsNullOrWhiteSpace(dataJson))
        {
            return EmptyDataJson;
        }

        if (dataJson.Length > DataJsonMaxLength)
        {
            throw new DomainException(Errors.DataTooLarge, $"data must be at most {DataJsonMaxLength} characters of JSON.");
        }

        try
        {
            using var document = JsonDocument.Parse(dataJson);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new DomainException(Errors.DataNotObject, "data must be a JSON object.");
            }
        }
        catch (JsonException)
        {
            throw new DomainException(Errors.DataNotObject, "data must be a JSON object.");
        }

        return dataJson.Trim();
    }

    /// <summary>Stable <see cref="DomainException.Code"/> values; each names the offending field.</summary>
    public static class Errors
    {
        public const string TypeInvalid = "notification.type_invalid";
        public const string PriorityInvalid = "notification.priority_invalid";
        public const string TitleRequired = "notification.title_required";
        public const string TitleTooLong = "notification.title_too_long";
        public const string MessageRequired = "notification.message_required";
        public const string MessageTooLong = "notification.message_too_long";
        public const string DataNotObject = "notification.data_not_object";
        public const string DataTooLarge = "notification.data_too_large";
        public const string ExpiresAtNotInFuture = "notification.expires_at_not_in_future";
    }
}
