using MediatR;
using RiskPlatform.Application.Common.Messaging;

namespace RiskPlatform.Application.BrokerBindings.Commands.RecordBrokerRejection;

/// <summary>
/// Sent by the broker adapter's accounting (in the background, after the call) when a broker refused a key's credentials
/// (HTTP 401/403) during trading: counts the rejection toward deactivation like a failed verification, and puts the trading
/// accounts bound to the key in broker_unavailable. <see cref="Message"/> holds no credential (it is sanitized anyway).
/// </summary>
public sealed record RecordBrokerRejectionCommand(Guid ApiKeyId, string Message) : ICommand<Unit>;
