using RiskPlatform.Application.Common.Messaging;
using RiskPlatform.Application.Trading.Common;

namespace RiskPlatform.Application.Trading.Queries.GetOrder;

public sealed record GetOrderQuery(Guid Id) : IQuery<OrderDto>;
