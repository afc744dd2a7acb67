using MediatR;
using Microsoft.Extensions.Time.Testing;
using RiskPlatform.Application.Common.Auditing;

namespace RiskPlatform.Application.UnitTests.Support;

internal sealed class RenameWidgetCommandHandler(Journal journal, HandlerScript script, AuditScope audit, FakeTimeProvider time)
    : IRequestHandler<RenameWidgetCommand, string>
{
    public Task<string> Handle(RenameWidgetCommand request, CancellationToken cancellationToken)
    {
        journal.Record("handler");
        time.Advance(script.Takes);
        script.Audit?.Invoke(audit);
        return script.Throws is { } exception ? Task.FromException<string>(exception) : Task.FromResult($"renamed to {request.FullName}");
    }
}
