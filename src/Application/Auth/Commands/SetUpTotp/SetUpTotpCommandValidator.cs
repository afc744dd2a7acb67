using FluentValidation;

namespace RiskPlatform.Application.Auth.Commands.SetUpTotp;

/// <summary>The command carries no input; the validator exists so every command has one.</summary>
internal sealed class SetUpTotpCommandValidator : AbstractValidator<SetUpTotpCommand>;
