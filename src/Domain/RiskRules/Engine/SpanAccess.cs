using System.Runtime.InteropServices;

namespace RiskPlatform.Domain.RiskRules.Engine;

/// <summary>Reads arrays and lists through a span on the hot path (no interface dispatch, no struct copies).</summary>
internal static class SpanAccess
{
    /// <summary>A span over <paramref name="list"/> when it is an array or a <see cref="List{T}"/>; otherwise false.</summary>
    public static bool TryGetSpan<T>(IReadOnlyList<T> list, out ReadOnlySpan<T> span)
    {
        switch (list)
        {
            case T[] array:
                span = array;
                return true;
            case List<T> items:
                span = CollectionsMarshal.AsSpan(items);
                return true;
            default:
                span = default;
                return false;
        }
    }
}
