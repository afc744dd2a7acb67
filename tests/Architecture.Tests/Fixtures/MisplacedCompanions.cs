using FluentValidation;
using MediatR;
using RiskPlatform.Architecture.Tests.Fixtures.MisplacedUseCase;

namespace RiskPlatform.Architecture.Tests.Fixtures.MisplacedUseCase.Elsewhere;

internal sealed class ArchiveAccountCommandHandler : IRequestHandler<ArchiveAccountCommand, Unit>
{
    public Task<Unit> Handle(ArchiveAccountCommand request, CancellationToken cancellationToken) => Task.FromResult(Unit.Value);
}

internal sealed class ArchiveAccountCommandValidator : AbstractValidator<ArchiveAccountCommand>;
