using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using RiskPlatform.Api.Infrastructure;
using RiskPlatform.Application.Auth.Commands.Login;
using RiskPlatform.Application.Auth.Commands.Logout;
using RiskPlatform.Application.Auth.Commands.RefreshAccessToken;
using RiskPlatform.Application.Auth.Commands.Register;
using RiskPlatform.Application.Auth.Common;
using RiskPlatform.Application.Auth.Queries.GetCurrentUser;

namespace RiskPlatform.Api.Endpoints;

internal sealed class Auth : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("auth", "Auth");
        group.MapPost("/register", Register).AllowAnonymous().RequireRateLimiting(RateLimits.Register);
        group.MapPost("/login", Login).AllowAnonymous();
        group.MapPost("/refresh", Refresh).AllowAnonymous();
        group.MapPost("/logout", Logout).RequireAuthorization();
        group.MapGet("/me", GetCurrentUser).RequireAuthorization();
    }

    public static async Task<Created<UserDto>> Register(RegisterCommand command, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Created("/api/v1/auth/me", await mediator.Send(command, cancellationToken));

    public static async Task<Ok<TokenResponse>> Login(LoginCommand command, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(command, cancellationToken));

    public static async Task<Ok<TokenResponse>> Refresh(RefreshAccessTokenCommand command, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(command, cancellationToken));

    public static async Task<NoContent> Logout(LogoutCommand command, IMediator mediator, CancellationToken cancellationToken)
    {
        await mediator.Send(command, cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<UserDto>> GetCurrentUser(IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetCurrentUserQuery(), cancellationToken));
}
