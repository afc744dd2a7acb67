using FluentValidation;
using FluentValidation.Results;

namespace RiskPlatform.Application.UnitTests.Support;

internal sealed class RenameWidgetCommandValidator : AbstractValidator<RenameWidgetCommand>
{
    private readonly Journal _journal;

    public RenameWidgetCommandValidator(Journal journal)
    {
        _journal = journal;
        RuleFor(c => c.FullName).NotEmpty();
    }

    public override Task<ValidationResult> ValidateAsync(ValidationContext<RenameWidgetCommand> context, CancellationToken cancellation = default)
    {
        _journal.Record($"validator:{nameof(RenameWidgetCommandValidator)}");
        return base.ValidateAsync(context, cancellation);
    }
}
