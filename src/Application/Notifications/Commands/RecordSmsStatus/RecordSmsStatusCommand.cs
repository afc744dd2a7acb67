using MediatR;
using RiskPlatform.Application.Common.Messaging;

namespace RiskPlatform.Application.Notifications.Commands.RecordSmsStatus;

/// <summary>
/// A status callback of the SMS provider (Twilio) for a message we sent: <see cref="Url"/> is the callback URL as the
/// provider signed it, <see cref="Parameters"/> the posted form fields, <see cref="Signature"/> its signature header.
/// </summary>
public sealed record RecordSmsStatusCommand(string Url, IReadOnlyDictionary<string, string> Parameters, string? Signature) : ICommand<Unit>;
