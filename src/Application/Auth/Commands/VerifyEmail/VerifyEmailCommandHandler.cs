using MediatR;
using RiskPlatform.Application.Auth.Specifications;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.Users;

namespace RiskPlatform.Application.Auth.Commands.VerifyEmail;

/// <summary>
/// A malformed, forged, expired or foreign token, or one for an address the account no longer has, is one answer: 400
/// naming <c>token</c>. A valid token for an account already verified is 409 <c>email.already_verified</c> (single use).
/// </summary>
internal sealed class VerifyEmailCommandHandler(
    IRepository<User> users,
    IEmailVerificationTokens tokens,
    AuditScope audit) : IRequestHandler<VerifyEmailCommand, Unit>
{
    public async Task<Unit> Handle(VerifyEmailCommand request, CancellationToken cancellationToken)
    {
        audit.Describe("Verified the account email address");
        var user = tokens.UserOf(request.Token) is { } userId
            ? await users.FirstOrDefaultAsync(new TrackedUserByIdSpec(userId), cancellationToken)
            : null;
        if (user is null || !tokens.IsValid(request.Token, user.Id, user.NormalizedEmail))
        {
            throw new ValidationException("token", "The verification link is invalid or has expired; ask for a new one.");
        }

        audit.ActAs(user.Id).Target("user", user.Id);
        if (!user.MarkEmailVerified())
        {
            throw new ConflictException("email.already_verified", "This email address is already verified.");
        }

        return Unit.Value;
    }
}
