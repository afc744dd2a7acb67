using MediatR;
using Microsoft.Extensions.Time.Testing;

namespace RiskPlatform.Application.UnitTests.Support;

internal sealed class GetWidgetQueryHandler(Journal journal, HandlerScript script, FakeTimeProvider time) : IRequestHandler<GetWidgetQuery, string>
{
    public Task<string> Handle(GetWidgetQuery request, CancellationToken cancellationToken)
    {
        journal.Record("handler");
        time.Advance(script.Takes);
        return script.Throws is { } exception ? Task.FromException<string>(exception) : Task.FromResult($"widget {request.Id}");
    }
}
