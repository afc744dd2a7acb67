using MediatR;
using Microsoft.Extensions.Logging;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Domain.Common;

namespace RiskPlatform.Application.Common.Behaviours;

/// <summary>Logs failures that are not the expected outcomes of bad input or refused actions, then rethrows.</summary>
internal sealed class UnhandledExceptionBehaviour<TRequest, TResponse>(ILogger<UnhandledExceptionBehaviour<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        try
        {
            return await next();
        }
        catch (Exception exception) when (!IsExpected(exception, cancellationToken))
        {
            // The request is never destructured: it may carry passwords, tokens or broker credentials.
            logger.LogError(exception, "Unhandled exception in {RequestName}", typeof(TRequest).Name);
            throw;
        }
    }

    internal static bool IsExpected(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        ValidationException or NotFoundException or UnauthorizedException or TooManyRequestsException
            or ServiceUnavailableException or DomainException => true,
        OperationCanceledException => cancellationToken.IsCancellationRequested,
        _ => false,
    };
}
