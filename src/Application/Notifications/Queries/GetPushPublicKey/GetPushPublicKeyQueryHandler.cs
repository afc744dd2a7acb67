using MediatR;
using Microsoft.Extensions.Options;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.Notifications.Common;

namespace RiskPlatform.Application.Notifications.Queries.GetPushPublicKey;

internal sealed class GetPushPublicKeyQueryHandler(IOptions<PushOptions> options) : IRequestHandler<GetPushPublicKeyQuery, PushPublicKeyDto>
{
    public Task<PushPublicKeyDto> Handle(GetPushPublicKeyQuery request, CancellationToken cancellationToken) =>
        Task.FromResult(new PushPublicKeyDto(options.Value.Vapid.PublicKey?.Trim()
            ?? throw new ServiceUnavailableException("push_not_configured", "Browser push is not configured (Push:Vapid).")));
}
