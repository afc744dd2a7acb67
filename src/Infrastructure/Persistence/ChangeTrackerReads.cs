using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace RiskPlatform.Infrastructure.Persistence;

internal static class ChangeTrackerReads
{
    /// <summary>
    /// <paramref name="read"/> of the tracked entries as they stand, without EF Core first detecting changes in every tracked
    /// entity (what <see cref="ChangeTracker.Entries()"/> does otherwise): for callers that know the changes they need are
    /// already tracked or were just detected.
    /// </summary>
    public static T WithoutDetectingChanges<T>(this ChangeTracker changes, Func<ChangeTracker, T> read)
    {
        var autoDetect = changes.AutoDetectChangesEnabled;
        changes.AutoDetectChangesEnabled = false;
        try
        {
            return read(changes);
        }
        finally
        {
            changes.AutoDetectChangesEnabled = autoDetect;
        }
    }

    /// <summary>The same, for a read that returns nothing.</summary>
    public static void WithoutDetectingChanges(this ChangeTracker changes, Action<ChangeTracker> read) =>
        changes.WithoutDetectingChanges(tracker =>
        {
            read(tracker);
            return 0;
        });
}
