using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using RiskPlatform.Application.Common.Telemetry;

namespace RiskPlatform.Api.FunctionalTests.Infrastructure;

/// <summary>
/// The measurements one host's <c>RiskPlatform</c> meter makes from now on. It listens only to the instruments of that host's
/// <see cref="IMeterFactory"/> (a meter's scope is the factory that made it): an OpenTelemetry reader subscribes by meter
/// name and would also see the other test hosts of this process, which run in parallel.
/// </summary>
public sealed class HostMetrics : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<Measured> _measured = new();

    public HostMetrics(IServiceProvider hostServices)
    {
        var factory = hostServices.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == RiskPlatformTelemetry.Name && ReferenceEquals(instrument.Meter.Scope, factory))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>Reads the observable gauges (outbox, circuits) now.</summary>
    public void Observe() => _listener.RecordObservableInstruments();

    /// <summary>The measurements of <paramref name="instrument"/> whose tags include every one of <paramref name="tags"/>.</summary>
    public IReadOnlyList<Measured> Of(string instrument, params (string Key, string Value)[] tags) =>
        [.. _measured.Where(m => m.Instrument == instrument && tags.All(t => m.Tags.TryGetValue(t.Key, out var v) && v == t.Value))];

    /// <summary>The sum of the matching measurements (a counter's increase since this listener started).</summary>
    public double Sum(string instrument, params (string Key, string Value)[] tags) => Of(instrument, tags).Sum(m => m.Value);

    public void Dispose() => _listener.Dispose();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var map = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            map[tag.Key] = tag.Value?.ToString();
        }

        _measured.Enqueue(new Measured(instrument.Name, value, map));
    }

    public sealed record Measured(string Instrument, double Value, IReadOnlyDictionary<string, string?> Tags);
}
