using RiskPlatform.Domain.Common;

namespace RiskPlatform.Application.Common.Exceptions;

/// <summary>
/// A business rule refused the request (HTTP 422) and the client needs the details, e.g. an order blocked by risk rules
/// with the list of breached rules. <see cref="Extensions"/> become members of the problem document.
/// With <paramref name="persistChanges"/> the command's changes still commit (an order blocked by risk keeps its breach
/// history and counts).
/// </summary>
public sealed class RefusedException(
    string code, string title, string message, IReadOnlyDictionary<string, object?> extensions, bool persistChanges = false)
    : DomainException(code, message), IPersistChangesOnFailure
{
    public string Title { get; } = title;

    public IReadOnlyDictionary<string, object?> Extensions { get; } = extensions;

    public bool PersistChanges { get; } = persistChanges;
}
