using MediatR;
using RiskPlatform.Application.Auth.Specifications;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.Users;

namespace RiskPlatform.Application.Auth.Queries.GetTwoFactorStatus;

internal sealed class GetTwoFactorStatusQueryHandler(IReadRepository<TotpAuthenticator> authenticators, ICurrentUser currentUser)
    : IRequestHandler<GetTwoFactorStatusQuery, TwoFactorStatusDto>
{
    public async Task<TwoFactorStatusDto> Handle(GetTwoFactorStatusQuery request, CancellationToken cancellationToken)
    {
        var authenticator = await authenticators.FirstOrDefaultAsync(new TotpAuthenticatorOfUserSpec(currentUser.RequireUserId()), cancellationToken);
        return authenticator is null
            ? new TwoFactorStatusDto(TotpEnabled: false, SetupPending: false, EnabledAt: null, RecoveryCodesLeft: 0)
            : new TwoFactorStatusDto(authenticator.IsEnabled, !authenticator.IsEnabled, authenticator.ConfirmedAt, authenticator.RecoveryCodesLeft);
    }
}
