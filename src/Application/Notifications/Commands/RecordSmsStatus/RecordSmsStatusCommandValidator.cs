using FluentValidation;

namespace RiskPlatform.Application.Notifications.Commands.RecordSmsStatus;

internal sealed class RecordSmsStatusCommandValidator : AbstractValidator<RecordSmsStatusCommand>
{
    public RecordSmsStatusCommandValidator()
    {
        RuleFor(c => c.Url).NotEmpty();
        RuleFor(c => c.Parameters).NotNull();
    }
}
