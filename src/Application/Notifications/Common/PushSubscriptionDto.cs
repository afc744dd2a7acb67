using Mapster;
using RiskPlatform.Domain.Notifications.Push;

namespace RiskPlatform.Application.Notifications.Common;

/// <summary>A subscribed browser as its owner reads it: the push service endpoint, never the encryption keys.</summary>
public sealed record PushSubscriptionDto(Guid Id, string Endpoint, DateTime CreatedAt, DateTime UpdatedAt, DateTime? LastSuccessAt);

/// <summary>The VAPID public key a browser passes as <c>applicationServerKey</c> to <c>pushManager.subscribe</c>.</summary>
public sealed record PushPublicKeyDto(string PublicKey);

internal sealed class PushSubscriptionDtoMapping : IRegister
{
    public void Register(TypeAdapterConfig config) => config.NewConfig<PushSubscription, PushSubscriptionDto>();
}
