using FluentValidation;

namespace RiskPlatform.Application.Trading.Commands.FillRestingPaperOrders;

internal sealed class FillRestingPaperOrdersCommandValidator : AbstractValidator<FillRestingPaperOrdersCommand>
{
    public FillRestingPaperOrdersCommandValidator()
    {
        RuleFor(c => c.UserId).NotEmpty();
        RuleFor(c => c.Symbols).NotEmpty();
        RuleForEach(c => c.Symbols).NotEmpty();
    }
}
