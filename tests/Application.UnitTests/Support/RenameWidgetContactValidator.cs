using FluentValidation;
using FluentValidation.Results;

namespace RiskPlatform.Application.UnitTests.Support;

/// <summary>A second validator for the same command: the validation behaviour must run both.</summary>
internal sealed class RenameWidgetContactValidator : AbstractValidator<RenameWidgetCommand>
{
    private readonly Journal _journal;
    private readonly HandlerScript _script;

    public RenameWidgetContactValidator(Journal journal, HandlerScript script)
    {
        _journal = journal;
        _script = script;
        RuleFor(c => c.ContactEmail).NotEmpty().EmailAddress();
    }

    public override Task<ValidationResult> ValidateAsync(ValidationContext<RenameWidgetCommand> context, CancellationToken cancellation = default)
    {
        _journal.Record($"validator:{nameof(RenameWidgetContactValidator)}");
        return _script.ValidatorThrows is { } exception
            ? Task.FromException<ValidationResult>(exception)
            : base.ValidateAsync(context, cancellation);
    }
}
