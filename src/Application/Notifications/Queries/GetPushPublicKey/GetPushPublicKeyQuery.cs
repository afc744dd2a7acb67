using RiskPlatform.Application.Common.Messaging;
using RiskPlatform.Application.Notifications.Common;

namespace RiskPlatform.Application.Notifications.Queries.GetPushPublicKey;

/// <summary>The VAPID public key browsers subscribe with (<c>applicationServerKey</c>).</summary>
public sealed record GetPushPublicKeyQuery : IQuery<PushPublicKeyDto>;
