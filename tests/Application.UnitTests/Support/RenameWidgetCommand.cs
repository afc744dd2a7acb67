using RiskPlatform.Application.Common.Messaging;

namespace RiskPlatform.Application.UnitTests.Support;

/// <summary>A command defined by the tests, so the pipeline can be observed without any real use case's dependencies.</summary>
public sealed record RenameWidgetCommand(string FullName, string ContactEmail) : ICommand<string>;
