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

    /// <summary>The same, for a save that has just detected the changes it writes.</summary>
    public static async Task WithoutDetectingChangesAsync(this ChangeTracker changes, Func<Task> save)
    {
        var autoDetect = changes.AutoDetectChangesEnabled;
        changes.AutoDetectChangesEnabled = false;
        try
        {
            await save();
        }
        finally
        {
            changes.AutoDetectChangesEnabled = autoDetect;
        }
    }
}
