using RiskPlatform.Application.Common.Messaging;
using RiskPlatform.Application.Common.Paging;
using RiskPlatform.Application.Trading.Common;

namespace RiskPlatform.Application.Trading.Queries.ListOrders;

/// <summary>The caller's orders, newest first. <see cref="Status"/> is a wire value (<c>new</c>, <c>filled</c>, …).</summary>
public sealed record ListOrdersQuery(
    string? Status = null,
    string? Symbol = null,
    int Limit = PageRequest.DefaultLimit,
    int Offset = 0) : IQuery<IReadOnlyList<OrderDto>>;
