using RiskPlatform.Application.Common.Messaging;
using RiskPlatform.Application.Trading.Common;

namespace RiskPlatform.Application.Trading.Commands.CancelOrder;

public sealed record CancelOrderCommand(Guid Id) : IAccountCommand<OrderDto>;
