using MediatR;

namespace RiskPlatform.Application.Common.Messaging;

/// <summary>
/// A request that changes state. Every command runs through the audit and unit-of-work behaviours:
/// its changes and its audit row commit together.
/// </summary>
public interface ICommand<out TResponse> : IRequest<TResponse>, ICommandMarker;
