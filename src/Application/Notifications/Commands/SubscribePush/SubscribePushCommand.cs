using RiskPlatform.Application.Common.Messaging;
using RiskPlatform.Application.Notifications.Common;

namespace RiskPlatform.Application.Notifications.Commands.SubscribePush;

/// <summary>
/// Subscribes the caller's browser: the body is what the browser's <c>PushSubscription.toJSON()</c> gives,
/// <c>{endpoint, keys: {p256dh, auth}}</c> (<c>expirationTime</c> and other members are ignored).
/// </summary>
public sealed record SubscribePushCommand(string? Endpoint, PushSubscriptionKeys? Keys) : ICommand<SubscribedPush>;

/// <summary>The browser's message encryption keys, base64url.</summary>
public sealed record PushSubscriptionKeys(string? P256dh, string? Auth);

/// <summary>The subscription and whether this call created it (201) or replaced the keys of one already there (200).</summary>
public sealed record SubscribedPush(PushSubscriptionDto Subscription, bool Created);
