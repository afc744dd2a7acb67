using MediatR;
using RiskPlatform.Application.Common.Messaging;

namespace RiskPlatform.Application.Notifications.Commands.DeleteContact;

/// <summary>Forgets one of the caller's contact points: nothing is sent to it again until it is verified anew.</summary>
public sealed record DeleteContactCommand(Guid Id) : ICommand<Unit>, IRequiresRecentMfa;
