namespace RiskPlatform.Application.Common.Exceptions;

/// <summary>
/// An exception that refuses the request but whose command's changes must still commit with its audit row
/// (for example, recording a failed sign-in, or revoking a refresh-token family on reuse).
/// </summary>
public interface IPersistChangesOnFailure
{
    bool PersistChanges { get; }
}
