using FluentValidation;

namespace RiskPlatform.Application.Auth.Commands.LogoutAll;

/// <summary>The command carries no input; the validator exists so every command has one.</summary>
internal sealed class LogoutAllCommandValidator : AbstractValidator<LogoutAllCommand>;
