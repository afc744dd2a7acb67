using OpenTelemetry;
using OpenTelemetry.Logs;
using Serilog.Events;

namespace RiskPlatform.Api.Infrastructure;

/// <summary>
/// Serilog hands its events to the OpenTelemetry logger with every property value still wrapped (a <see cref="ScalarValue"/>,
/// a <see cref="StructureValue"/>, …), which the OTLP exporter would write as Serilog renders them: a string in quotes, a
/// number as text. Scalars become their value (a string attribute is the string, a status code a number); structures and
/// sequences keep Serilog's rendering. Runs before the exporter's processor, on the thread that logs.
/// </summary>
internal sealed class SerilogAttributeValues : BaseProcessor<LogRecord>
{
    public override void OnEnd(LogRecord data)
    {
        if (data.Attributes is not { Count: > 0 } attributes)
        {
            return;
        }

        var values = new List<KeyValuePair<string, object?>>(attributes.Count);
        foreach (var (key, value) in attributes)
        {
            values.Add(new(key, value switch
            {
                ScalarValue scalar => scalar.Value,
                LogEventPropertyValue other => other.ToString(),
                _ => value,
            }));
        }

        data.Attributes = values;
    }
}
