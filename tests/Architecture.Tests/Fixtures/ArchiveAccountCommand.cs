using MediatR;
using RiskPlatform.Application.Common.Messaging;

namespace RiskPlatform.Architecture.Tests.Fixtures.MisplacedUseCase;

/// <summary>A well-formed command whose handler and validator live in another namespace.</summary>
public sealed record ArchiveAccountCommand(Guid AccountId) : ICommand<Unit>;
