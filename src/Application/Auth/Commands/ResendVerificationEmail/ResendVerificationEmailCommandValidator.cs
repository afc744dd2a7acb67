using FluentValidation;

namespace RiskPlatform.Application.Auth.Commands.ResendVerificationEmail;

/// <summary>The command carries no input; the validator exists so every command has one.</summary>
internal sealed class ResendVerificationEmailCommandValidator : AbstractValidator<ResendVerificationEmailCommand>;
