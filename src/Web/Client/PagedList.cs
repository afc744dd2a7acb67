namespace RiskPlatform.Web.Client;

/// <summary>
/// A list the API serves a page at a time, as a page shows it: the items read so far and whether another page may follow. The
/// page function gets the page size and the items already shown, so it can ask by offset or by a cursor (the last item's id).
/// </summary>
public sealed class PagedList<T>(Func<int, IReadOnlyList<T>, Task<List<T>>> readPage, int pageSize = PagedList<T>.DefaultPageSize)
{
    public const int DefaultPageSize = 50;

    /// <summary>Null until the first page is read.</summary>
    public List<T>? Items { get; private set; }

    /// <summary>True when the last page read was full: there may be more.</summary>
    public bool HasMore { get; private set; }

    /// <summary>Reads the first page again (after a filter changed, or an action changed the list).</summary>
    public async Task ReloadAsync()
    {
        var first = await readPage(pageSize, []);
        Items = first;
        HasMore = first.Count == pageSize;
    }

    /// <summary>Reads the next page and appends it.</summary>
    public async Task MoreAsync()
    {
        var shown = Items ?? [];
        var next = await readPage(pageSize, shown);
        Items = [.. shown, .. next];
        HasMore = next.Count == pageSize;
    }
}
