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
        group.MapPost("/register", Register).AllowAnonymous().RequireRateLimiting(RateLimits.Register);
        group.MapPost("/login", Login).AllowAnonymous().RequireRateLimiting(RateLimits.Login);
        group.MapPost("/refresh", Refresh).AllowAnonymous().RequireRateLimiting(RateLimits.Refresh);
        group.MapPost("/logout", Logout).RequireAuthorization();
        group.MapPost("/logout-all", LogoutAll).RequireAuthorization();
        group.MapGet("/me", GetCurrentUser).RequireAuthorization();
        group.MapPost("/verify-email", VerifyEmail).AllowAnonymous().RequireRateLimiting(RateLimits.Login);
        group.MapPost("/resend-verification", ResendVerification).RequireAuthorization().RequireRateLimiting(RateLimits.VerificationEmails);
        group.MapPost("/mfa/verify", VerifyMfa).AllowAnonymous().RequireRateLimiting(RateLimits.Login);
        group.MapGet("/mfa", GetTwoFactorStatus).RequireAuthorization();
        group.MapPost("/mfa/step-up", StepUpMfa).RequireAuthorization().RequireRateLimiting(RateLimits.Login);
        group.MapPost("/mfa/totp/setup", SetUpTotp).RequireAuthorization();
        group.MapPost("/mfa/totp/confirm", ConfirmTotp).RequireAuthorization();
        group.MapPost("/mfa/totp/disable", DisableTotp).RequireAuthorization();
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
