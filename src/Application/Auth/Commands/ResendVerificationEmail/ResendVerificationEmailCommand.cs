using MediatR;
using RiskPlatform.Application.Common.Messaging;

namespace RiskPlatform.Application.Auth.Commands.ResendVerificationEmail;

/// <summary>Sends the signed-in user a new verification link for their account email (earlier links stay valid until they expire).</summary>
public sealed record ResendVerificationEmailCommand : ICommand<Unit>;
