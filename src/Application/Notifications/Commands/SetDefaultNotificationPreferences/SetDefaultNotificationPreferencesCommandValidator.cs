using FluentValidation;

namespace RiskPlatform.Application.Notifications.Commands.SetDefaultNotificationPreferences;

/// <summary>The command has no input; the validator exists so every command has one.</summary>
internal sealed class SetDefaultNotificationPreferencesCommandValidator : AbstractValidator<SetDefaultNotificationPreferencesCommand>;
