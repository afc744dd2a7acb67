using System.Collections;

namespace RiskPlatform.Application.MarketData.Common;

/// <summary>
/// One symbol's stored daily closes, ascending by date, one per date: a read-only view over arrays that the read side keeps
/// between requests (<see cref="IKeptDailyCloses"/>) and never changes, so views are shared between threads freely. A view
/// can start later (<see cref="From"/>) or carry one later close (<see cref="Append"/>, today's bar) without copying.
/// </summary>
public sealed class StoredCloses : IReadOnlyList<(DateOnly Date, decimal Close)>
{
    private readonly DateOnly[] _dates;
    private readonly decimal[] _closes;
    private readonly int _start;
    private readonly (DateOnly Date, decimal Close)? _next;

    /// <param name="dates">Strictly ascending.</param>
    /// <param name="closes">The close of each date, same length.</param>
    public StoredCloses(DateOnly[] dates, decimal[] closes)
        : this(dates, closes, 0, null)
    {
        ArgumentNullException.ThrowIfNull(dates);
        ArgumentNullException.ThrowIfNull(closes);
        if (dates.Length != closes.Length)
        {
            throw new ArgumentException("One close per date.", nameof(closes));
        }

        for (var i = 1; i < dates.Length; i++)
        {
            if (dates[i] <= dates[i - 1])
            {
                throw new ArgumentException("Dates must be strictly ascending.", nameof(dates));
            }
        }
    }

    private StoredCloses(DateOnly[] dates, decimal[] closes, int start, (DateOnly, decimal)? next)
    {
        _dates = dates;
        _closes = closes;
        _start = start;
        _next = next;
    }

    public static StoredCloses Empty { get; } = new([], []);

    /// <summary>How many closes the arrays behind this view hold (what keeping it costs), however much of them it shows.</summary>
    public int Stored => _dates.Length;

    public int Count => _dates.Length - _start + (_next is null ? 0 : 1);

    public DateOnly? LastDate => _next?.Date ?? (_dates.Length > _start ? _dates[^1] : null);

    public (DateOnly Date, decimal Close) this[int index]
    {
        get
        {
            var at = _start + index;
            if (index >= 0 && at < _dates.Length)
            {
                return (_dates[at], _closes[at]);
            }

            return index == Count - 1 && _next is { } next ? next : throw new ArgumentOutOfRangeException(nameof(index));
        }
    }

    /// <summary>The closes dated <paramref name="date"/> or later.</summary>
    public StoredCloses From(DateOnly date)
    {
        var found = Array.BinarySearch(_dates, _start, _dates.Length - _start, date);
        var start = found >= 0 ? found : ~found;
        var next = _next is { } n && n.Date >= date ? _next : null;
        return start == _start && next == _next ? this : new StoredCloses(_dates, _closes, start, next);
    }

    /// <summary>These closes and one more, dated after the last of them (today's bar after the kept history).</summary>
    public StoredCloses Append(DateOnly date, decimal close)
    {
        if (_next is not null || (LastDate is { } last && date <= last))
        {
            throw new ArgumentException($"{date} is not after the last close ({LastDate}).", nameof(date));
        }

        return new StoredCloses(_dates, _closes, _start, (date, close));
    }

    public IEnumerator<(DateOnly Date, decimal Close)> GetEnumerator()
    {
        for (var i = _start; i < _dates.Length; i++)
        {
            yield return (_dates[i], _closes[i]);
        }

        if (_next is { } next)
        {
            yield return next;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
