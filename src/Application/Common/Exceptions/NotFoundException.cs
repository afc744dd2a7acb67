namespace RiskPlatform.Application.Common.Exceptions;

/// <summary>
/// The resource does not exist for this caller (HTTP 404). Another user's resource is reported exactly like a missing one;
/// <see cref="BelongsToAnotherUser"/> only tells the audit trail to record the attempt as denied.
/// </summary>
public sealed class NotFoundException(string resource, object key, bool belongsToAnotherUser = false)
    : Exception($"{resource} '{key}' was not found.")
{
    public string Resource { get; } = resource;

    public object Key { get; } = key;

    public bool BelongsToAnotherUser { get; } = belongsToAnotherUser;
}
