using Mapster;
using RiskPlatform.Domain.Notifications;
using RiskPlatform.Domain.Notifications.Contacts;

namespace RiskPlatform.Application.Notifications.Common;

/// <summary>A verified contact point: <c>channel</c> is email or sms, <c>address</c> as it is matched (email lower-cased, phone E.164).</summary>
public sealed record ContactDto(Guid Id, NotificationChannel Channel, string Address, DateTime? VerifiedAt);

/// <summary>
/// The answer to a verification request: <c>status</c> is <c>code_sent</c> (a code went to the address; it expires at
/// <c>expires_at</c>, another can be asked for from <c>resend_available_at</c>) or <c>verified</c> (already, nothing sent).
/// </summary>
public sealed record ContactVerificationDto(
    NotificationChannel Channel,
    string Address,
    string Status,
    DateTime? ExpiresAt,
    DateTime? ResendAvailableAt,
    int? AttemptsLeft);

internal sealed class ContactDtoMapping : IRegister
{
    public void Register(TypeAdapterConfig config) => config.NewConfig<ContactPoint, ContactDto>();
}
