using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using RiskPlatform.Api.Infrastructure;
using RiskPlatform.Application.Auth.Commands.ConfirmTotp;
using RiskPlatform.Application.Auth.Commands.DisableTotp;
using RiskPlatform.Application.Auth.Commands.Login;
using RiskPlatform.Application.Auth.Commands.Logout;
using RiskPlatform.Application.Auth.Commands.LogoutAll;
using RiskPlatform.Application.Auth.Commands.RefreshAccessToken;
using RiskPlatform.Application.Auth.Commands.Register;
using RiskPlatform.Application.Auth.Commands.ResendVerificationEmail;
using RiskPlatform.Application.Auth.Commands.SetUpTotp;
using RiskPlatform.Application.Auth.Commands.StepUpMfa;
using RiskPlatform.Application.Auth.Commands.VerifyEmail;
using RiskPlatform.Application.Auth.Commands.VerifyMfa;
using RiskPlatform.Application.Auth.Common;
using RiskPlatform.Application.Auth.Queries.GetCurrentUser;
using RiskPlatform.Application.Auth.Queries.GetTwoFactorStatus;

namespace RiskPlatform.Api.Endpoints;

internal sealed class Auth : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("auth", "Auth");
        group.MapPost("/register", Register)
            .WithSummary("Create an account")
            .WithDescription("Body {email, password, full_name}. 409 email_taken when the address is registered. The password must meet the policy (400 naming password). Rate limited per address.").AllowAnonymous().RequireRateLimiting(RateLimits.Register);
        group.MapPost("/login", Login)
            .WithSummary("Sign in with email and password")
            .WithDescription("Answers {access_token, refresh_token, token_type: bearer, expires_in}, or an MFA challenge when the account has TOTP on (finish with /auth/mfa/verify). 401 invalid_credentials; 429 too_many_login_attempts after repeated failures from one address.").AllowAnonymous().RequireRateLimiting(RateLimits.Login);
        group.MapPost("/refresh", Refresh)
            .WithSummary("Exchange a refresh token for a new token pair")
            .WithDescription("Refresh tokens are single use and rotate: presenting one twice revokes its whole family (401 refresh_token_reused).").AllowAnonymous().RequireRateLimiting(RateLimits.Refresh);
        group.MapPost("/logout", Logout)
            .WithSummary("Sign out this session")
            .WithDescription("Revokes the refresh-token family of the given refresh token and closes its real-time connections.").RequireAuthorization();
        group.MapPost("/logout-all", LogoutAll)
            .WithSummary("Sign out every session of the caller")
            .WithDescription("Revokes all of the caller's refresh-token families and closes their real-time connections on this node.").RequireAuthorization();
        group.MapGet("/me", GetCurrentUser)
            .WithSummary("The signed-in user")
            .WithDescription("Id, email, full name, role, activity and verification flags, creation and last sign-in times.").RequireAuthorization();
        group.MapPost("/verify-email", VerifyEmail)
            .WithSummary("Confirm an email address with the token sent to it")
            .WithDescription("204 when the token is valid and unused; 400 when it is malformed, expired or used.").AllowAnonymous().RequireRateLimiting(RateLimits.Login);
        group.MapPost("/resend-verification", ResendVerification)
            .WithSummary("Send the verification email again")
            .WithDescription("202 Accepted: the email is queued. Rate limited per user.").RequireAuthorization().RequireRateLimiting(RateLimits.VerificationEmails);
        group.MapPost("/mfa/verify", VerifyMfa)
            .WithSummary("Finish a sign-in with a TOTP or recovery code")
            .WithDescription("Body {challenge_token, code}. Answers the token pair of /auth/login. 401 invalid_challenge or invalid_mfa_code; a code works once.").AllowAnonymous().RequireRateLimiting(RateLimits.Login);
        group.MapGet("/mfa", GetTwoFactorStatus)
            .WithSummary("Whether sign-in needs a second factor")
            .WithDescription("Answers {totp_enabled, setup_pending, enabled_at, recovery_codes_left}; never a secret or a code.").RequireAuthorization();
        group.MapPost("/mfa/step-up", StepUpMfa)
            .WithSummary("Prove a second factor now, for sensitive operations")
            .WithDescription("Body {code}: a TOTP or recovery code, spent like the sign-in step. Answers {mfa_proof, expires_in}; send the proof as X-MFA-Proof on commands that answer 403 mfa.required without it. 401 invalid_mfa_code.").RequireAuthorization().RequireRateLimiting(RateLimits.Login);
        group.MapPost("/mfa/totp/setup", SetUpTotp)
            .WithSummary("Start enrolling an authenticator app")
            .WithDescription("Answers the shared secret and an otpauth URI for a QR code. TOTP is not on until /mfa/totp/confirm.").RequireAuthorization();
        group.MapPost("/mfa/totp/confirm", ConfirmTotp)
            .WithSummary("Turn TOTP on with a first code")
            .WithDescription("Answers the recovery codes once; they are stored hashed and cannot be shown again.").RequireAuthorization();
        group.MapPost("/mfa/totp/disable", DisableTotp)
            .WithSummary("Turn TOTP off")
            .WithDescription("Requires a current TOTP or recovery code.").RequireAuthorization();
    }

    public static async Task<Created<UserDto>> Register(RegisterCommand command, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Created("/api/v1/auth/me", await mediator.Send(command, cancellationToken));

    /// <summary>The token pair, or <c>{mfa_required: true, challenge_token, expires_in}</c> when the account has a second factor.</summary>
    public static async Task<Results<Ok<TokenResponse>, Ok<MfaChallengeResponse>>> Login(
        LoginCommand command, IMediator mediator, CancellationToken cancellationToken)
    {
        var outcome = await mediator.Send(command, cancellationToken);
        return outcome.MfaChallenge is { } challenge ? TypedResults.Ok(challenge) : TypedResults.Ok(outcome.Tokens!);
    }

    public static async Task<Ok<TokenResponse>> VerifyMfa(VerifyMfaCommand command, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(command, cancellationToken));

    /// <summary>Whether sign-in needs a second factor (and how many recovery codes are left): what a settings page shows.</summary>
    public static async Task<Ok<TwoFactorStatusDto>> GetTwoFactorStatus(IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetTwoFactorStatusQuery(), cancellationToken));
    /// <summary>A proof of a second factor given now, for sensitive operations (sent back as <c>X-MFA-Proof</c>).</summary>
    public static async Task<Ok<MfaProofResponse>> StepUpMfa(StepUpMfaCommand command, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(command, cancellationToken));

    public static async Task<Ok<TotpSetupResponse>> SetUpTotp(IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new SetUpTotpCommand(), cancellationToken));

    public static async Task<Ok<RecoveryCodesResponse>> ConfirmTotp(ConfirmTotpCommand command, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(command, cancellationToken));

    public static async Task<NoContent> DisableTotp(DisableTotpCommand command, IMediator mediator, CancellationToken cancellationToken)
    {
        await mediator.Send(command, cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<TokenResponse>> Refresh(RefreshAccessTokenCommand command, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(command, cancellationToken));

    public static async Task<NoContent> Logout(LogoutCommand command, IMediator mediator, CancellationToken cancellationToken)
    {
        await mediator.Send(command, cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>Ends every sign-in of the caller (all refresh-token families) and closes their real-time connections on this node.</summary>
    public static async Task<NoContent> LogoutAll(IMediator mediator, CancellationToken cancellationToken)
    {
        await mediator.Send(new LogoutAllCommand(), cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>Confirms the account email a verification link was sent to (anonymous: the token is the proof).</summary>
    public static async Task<NoContent> VerifyEmail(VerifyEmailCommand command, IMediator mediator, CancellationToken cancellationToken)
    {
        await mediator.Send(command, cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>Queues a new verification link to the caller's account email.</summary>
    public static async Task<Accepted> ResendVerification(IMediator mediator, CancellationToken cancellationToken)
    {
        await mediator.Send(new ResendVerificationEmailCommand(), cancellationToken);
        return TypedResults.Accepted((string?)null);
    }

    public static async Task<Ok<UserDto>> GetCurrentUser(IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetCurrentUserQuery(), cancellationToken));
}
