using FluentValidation;

namespace RiskPlatform.Application.Notifications.Commands.DeleteContact;

internal sealed class DeleteContactCommandValidator : AbstractValidator<DeleteContactCommand>
{
    public DeleteContactCommandValidator() => RuleFor(c => c.Id).NotEmpty();
}
