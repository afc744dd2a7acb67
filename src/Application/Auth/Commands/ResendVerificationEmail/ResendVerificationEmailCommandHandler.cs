using MediatR;
using RiskPlatform.Application.Auth.Common;
using RiskPlatform.Application.Auth.Specifications;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.Users;

namespace RiskPlatform.Application.Auth.Commands.ResendVerificationEmail;

/// <summary>409 <c>email.already_verified</c> once verified; 503 <c>email.not_configured</c> when no mail server is configured.</summary>
internal sealed class ResendVerificationEmailCommandHandler(
    IRepository<User> users,
    ICurrentUser currentUser,
    VerificationEmail verificationEmail,
    AuditScope audit) : IRequestHandler<ResendVerificationEmailCommand, Unit>
{
    public async Task<Unit> Handle(ResendVerificationEmailCommand request, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireUserId();
        audit.Target("user", userId).Describe("Asked for a new email verification link");
        var user = await users.FirstOrDefaultAsync(new TrackedUserByIdSpec(userId), cancellationToken)
            ?? throw new NotFoundException("user", userId);
        if (user.IsVerified)
        {
            throw new ConflictException("email.already_verified", "This email address is already verified.");
        }

        if (!verificationEmail.Queue(user))
        {
            throw new ServiceUnavailableException("email.not_configured", "Email is not configured on this service, so no link can be sent.");
        }

        return Unit.Value;
    }
}
