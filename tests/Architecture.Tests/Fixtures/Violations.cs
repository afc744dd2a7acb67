using Ardalis.Specification;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Routing;
using RiskPlatform.Api.Infrastructure;
using RiskPlatform.Application.Common.Messaging;
using RiskPlatform.Domain.Users;

// Deliberately wrong types, one per convention, so each rule is shown to catch what it is meant to catch.
// They live only in this test assembly and are never registered anywhere.
namespace RiskPlatform.Architecture.Tests.Fixtures.Violations;

/// <summary>A command that is a class, not sealed and not named ...Command.</summary>
public class RenameAccount : ICommand<Unit>;

/// <summary>A query that is not named ...Query.</summary>
public sealed record FindAccounts : IQuery<int>;

/// <summary>Public, unsealed, and named for neither a command nor a query.</summary>
public class RenameAccountWorker : IRequestHandler<RenameAccount, Unit>
{
    public Task<Unit> Handle(RenameAccount request, CancellationToken cancellationToken) => Task.FromResult(Unit.Value);
}

/// <summary>A good name, but for a command it does not handle.</summary>
internal sealed class CloseAccountCommandHandler : IRequestHandler<FindAccounts, int>
{
    public Task<int> Handle(FindAccounts request, CancellationToken cancellationToken) => Task.FromResult(0);
}

/// <summary>Not named ...Validator.</summary>
internal sealed class RenameAccountRules : AbstractValidator<RenameAccount>;

/// <summary>A command validator that validates a query.</summary>
internal sealed class CloseAccountCommandValidator : AbstractValidator<FindAccounts>;

/// <summary>A well-formed command without any validator.</summary>
public sealed record CloseAccountCommand(Guid AccountId) : ICommand<Unit>;

/// <summary>A specification not named ...Spec.</summary>
internal sealed class ActiveUsers : Specification<User>;

/// <summary>Named ...Spec, but not a specification.</summary>
internal sealed class LegacyUserSpec;

/// <summary>A DTO that is a plain class.</summary>
public sealed class AccountDto
{
    public Guid Id { get; init; }
}

/// <summary>An endpoint group outside RiskPlatform.Api.Endpoints.</summary>
internal sealed class StrayEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
    }
}
