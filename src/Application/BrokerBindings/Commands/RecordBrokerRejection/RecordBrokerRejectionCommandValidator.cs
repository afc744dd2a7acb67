using FluentValidation;

namespace RiskPlatform.Application.BrokerBindings.Commands.RecordBrokerRejection;

internal sealed class RecordBrokerRejectionCommandValidator : AbstractValidator<RecordBrokerRejectionCommand>
{
    public RecordBrokerRejectionCommandValidator()
    {
        RuleFor(c => c.ApiKeyId).NotEmpty();
        RuleFor(c => c.Message).NotEmpty().MaximumLength(2000);
    }
}
