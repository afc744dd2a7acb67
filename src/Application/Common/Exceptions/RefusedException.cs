using RiskPlatform.Domain.Common;

namespace RiskPlatform.Application.Common.Exceptions;

/// <summary>
/// A business rule refused the request (HTTP 422) and the client needs the details, e.g. an order blocked by risk rules
/// with the list of breached rules. <see cref="Extensions"/> become members of the problem document.
/// </summary>
public sealed class RefusedException(string code, string title, string message, IReadOnlyDictionary<string, object?> extensions)
    : DomainException(code, message)
{
    public string Title { get; } = title;

    public IReadOnlyDictionary<string, object?> Extensions { get; } = extensions;
}
