using MediatR;

namespace RiskPlatform.Application.Common.Messaging;

/// <summary>A request that only reads. Queries are neither audited nor wrapped in a unit of work.</summary>
public interface IQuery<out TResponse> : IRequest<TResponse>;
