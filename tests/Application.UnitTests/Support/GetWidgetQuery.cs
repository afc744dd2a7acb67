using RiskPlatform.Application.Common.Messaging;

namespace RiskPlatform.Application.UnitTests.Support;

public sealed record GetWidgetQuery(Guid Id) : IQuery<string>;
